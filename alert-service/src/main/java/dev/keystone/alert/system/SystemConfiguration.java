package dev.keystone.alert.system;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.events.streams.CleanStopMarker;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The clock, the API's JSON, the writer of requests to Kafka, the state's crash recovery,
 * and the topics the service owns, created at start with their partitions, replication
 * and retention.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The HTTP API's JSON: the project's form, and strict about unknown fields, so a
	 * mistyped rule or silence field is a 400 rather than silently a default. Records on
	 * topics are read with {@link EventJson#newMapper()}, which tolerates fields added
	 * later.
	 */
	@Bean
	@Primary
	ObjectMapper objectMapper() {
		return EventJson.newMapper()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
	}

	/** Rebuilds the local state after a stop that was not a clean close. */
	@Bean
	CleanStopMarker cleanStopMarker() {
		return new CleanStopMarker();
	}

	@Bean
	Publisher publisher(KafkaTemplate<String, String> kafka) {
		return new Publisher(kafka);
	}

	@Bean
	KafkaAdmin.NewTopics alertTopics(AlertSettings settings) {
		AlertSettings.Topics topics = settings.topics();
		String retention = String.valueOf(settings.retention().toMillis());
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.ALERTS)
					.partitions(topics.partitions())
					.replicas(topics.replicationFactor())
					.config(TopicConfig.RETENTION_MS_CONFIG, retention)
					.build(),
				TopicBuilder.name(topics.inbox())
					.partitions(topics.partitions())
					.replicas(topics.replicationFactor())
					.build(),
				TopicBuilder.name(topics.notifications())
					.partitions(topics.partitions())
					.replicas(topics.replicationFactor())
					.config(TopicConfig.RETENTION_MS_CONFIG, retention)
					.build(),
				compacted(topics.rules(), 1, topics.replicationFactor(), Map.of()),
				compacted(topics.silences(), 1, topics.replicationFactor(), Map.of()),
				// An alert not changed for the retention period is dropped even though it
				// is the latest value of its key.
				compacted(topics.state(), topics.partitions(), topics.replicationFactor(),
						Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete", TopicConfig.RETENTION_MS_CONFIG,
								retention)),
				compacted(topics.notificationLog(), topics.partitions(), topics.replicationFactor(),
						Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete", TopicConfig.RETENTION_MS_CONFIG,
								retention)));
	}

	private static org.apache.kafka.clients.admin.NewTopic compacted(String name, int partitions, short replicas,
			Map<String, String> configs) {
		TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).replicas(replicas).compact();
		configs.forEach(builder::config);
		return builder.build();
	}

}
