package dev.keystone.ingest.system;

import java.time.Clock;

import dev.keystone.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The clock and the topics this service writes, created at start when missing.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	KafkaAdmin.NewTopics ingestTopics(TopicSettings topics) {
		NewTopic raw = TopicBuilder.name(Topics.EVENTS_RAW)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.build();
		NewTopic catalog = TopicBuilder.name(Topics.CATALOG_TITLES)
			.partitions(topics.partitions())
			.replicas(topics.replicationFactor())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
		return new KafkaAdmin.NewTopics(raw, catalog);
	}

}
