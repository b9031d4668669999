package dev.keystone.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.awaitility.Awaitility;

/**
 * Watches a topic from the moment it is created, so a test sees only the records its own
 * actions wrote. Reads {@code read_committed}: what a transactional writer aborted never
 * counts.
 */
public final class TopicProbe implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	private TopicProbe(KafkaConsumer<String, String> consumer) {
		this.consumer = consumer;
	}

	public static TopicProbe from(KeystoneStack stack, String topic) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed"), new StringDeserializer(), new StringDeserializer());
		TopicEnd.readFromEnd(consumer, topic);
		return new TopicProbe(consumer);
	}

	/**
	 * Polls until at least {@code count} matching records arrived since the probe
	 * started, and returns them.
	 */
	public List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> matching, int count,
			Duration timeout) {
		Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50)).until(() -> {
			poll(Duration.ofMillis(200));
			return matches(matching).size() >= count;
		});
		return matches(matching);
	}

	/**
	 * Everything matching that arrives within the given time; for asserting that nothing
	 * more comes.
	 */
	public List<ConsumerRecord<String, String>> drain(Predicate<ConsumerRecord<String, String>> matching,
			Duration window) {
		long end = System.nanoTime() + window.toNanos();
		while (System.nanoTime() < end) {
			poll(Duration.ofMillis(200));
		}
		return matches(matching);
	}

	private void poll(Duration timeout) {
		for (ConsumerRecord<String, String> record : this.consumer.poll(timeout)) {
			this.seen.add(record);
		}
	}

	private List<ConsumerRecord<String, String>> matches(Predicate<ConsumerRecord<String, String>> matching) {
		return this.seen.stream().filter(matching).toList();
	}

	@Override
	public void close() {
		this.consumer.close();
	}

}
