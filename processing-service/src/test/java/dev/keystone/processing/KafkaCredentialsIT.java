package dev.keystone.processing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.keystone.events.Topics;
import dev.keystone.testkit.SaslKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka Streams service on a broker that only lets authenticated clients in,
 * configured through the credential variables (the README's "Credentials") alone: its
 * streams, internal topics and transactions all log in.
 */
class KafkaCredentialsIT {

	@Test
	void enrichesEventsOnABrokerThatRequiresALogin() throws Exception {
		try (SaslKafka kafka = SaslKafka.start()) {
			kafka.createTopics(2, Topics.EVENTS_RAW, Topics.CATALOG_TITLES, Topics.EVENTS_ENRICHED,
					Topics.EVENTS_REJECTED, Topics.VIEWERS_COUNTS, Topics.ANOMALIES);
			String deviceId = "sasl-" + UUID.randomUUID();
			try (ConfigurableApplicationContext service = new SpringApplicationBuilder(ProcessingApplication.class).run(
					"--server.port=0", "--KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
					"--KAFKA_SECURITY_PROTOCOL=SASL_PLAINTEXT", "--KAFKA_SASL_MECHANISM=PLAIN",
					"--KAFKA_SASL_USERNAME=" + SaslKafka.USERNAME, "--KAFKA_SASL_PASSWORD=" + SaslKafka.PASSWORD,
					"--keystone.processing.streams.application-id=keystone-processing-sasl-" + UUID.randomUUID());
					KafkaProducer<String, String> producer = new KafkaProducer<>(producer(kafka),
							new StringSerializer(), new StringSerializer())) {
				Instant now = Instant.now();
				producer.send(new ProducerRecord<>(Topics.EVENTS_RAW, deviceId, """
						{"eventId": "%s", "type": "click", "timestamp": "%s", "deviceId": "%s", "receivedAt": "%s",
						 "ingestId": "it"}""".formatted(deviceId, now, deviceId, now))).get();

				assertThat(enrichedKeys(kafka, deviceId)).contains(deviceId);
			}
		}
	}

	private static Map<String, Object> producer(SaslKafka kafka) {
		Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		return properties;
	}

	private static List<String> enrichedKeys(SaslKafka kafka, String deviceId) {
		Map<String, Object> properties = new HashMap<>(kafka.clientProperties());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-probe-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.EVENTS_ENRICHED));
			await().atMost(Duration.ofSeconds(90)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> keys.add(record.key()));
				return keys.contains(deviceId);
			});
		}
		return keys;
	}

}
