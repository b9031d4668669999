package dev.keystone.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(KeystoneStackExtension.class)
class KafkaRoundTripIT {

	@Test
	void consumesWhatWasProducedWithKeys(KeystoneStack stack) throws Exception {
		String marker = UUID.randomUUID().toString();
		try (KafkaProducer<String, String> producer = TestClients.producer(stack)) {
			for (int i = 0; i < 10; i++) {
				producer.send(new ProducerRecord<>("events.raw", "device-" + i, marker + "-" + i)).get();
			}
		}

		List<ConsumerRecord<String, String>> seen = TestClients.readAll(stack, "events.raw", marker, 10);

		assertThat(seen).extracting(ConsumerRecord::key)
			.containsExactlyInAnyOrder("device-0", "device-1", "device-2", "device-3", "device-4", "device-5",
					"device-6", "device-7", "device-8", "device-9");
	}

	@Test
	void createsTheContractTopics(KeystoneStack stack) {
		try (KafkaConsumer<String, String> consumer = TestClients.consumer(stack)) {
			assertThat(consumer.listTopics().keySet()).contains("events.raw", "events.enriched", "events.rejected",
					"viewers.counts", "anomalies", "alerts", "catalog.titles");
			assertThat(consumer.partitionsFor("events.raw")).hasSize(12);
		}
	}

	/**
	 * Plain Kafka clients for the kit's own tests.
	 */
	static final class TestClients {

		private TestClients() {
		}

		static KafkaProducer<String, String> producer(KeystoneStack stack) {
			return new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
							ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000),
					new StringSerializer(), new StringSerializer());
		}

		static KafkaConsumer<String, String> consumer(KeystoneStack stack) {
			return new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID(),
							ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
					new StringDeserializer(), new StringDeserializer());
		}

		/**
		 * Every record of the topic whose value starts with the marker, once that many
		 * have arrived.
		 */
		static List<ConsumerRecord<String, String>> readAll(KeystoneStack stack, String topic, String marker,
				int expected) {
			List<ConsumerRecord<String, String>> seen = new ArrayList<>();
			try (KafkaConsumer<String, String> consumer = consumer(stack)) {
				consumer.subscribe(List.of(topic));
				await().atMost(Duration.ofSeconds(60)).until(() -> {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
						if (record.value().startsWith(marker)) {
							seen.add(record);
						}
					}
					return seen.size() >= expected;
				});
			}
			return seen;
		}

	}

}
