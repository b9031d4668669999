package dev.keystone.processing.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.keystone.events.Topics;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.ServiceProcess;
import dev.keystone.testkit.TopicEnd;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * processing-service killed (SIGKILL) in the middle of a transaction, after a restart
 * that restored its stores, keeps the same local state directory and must still enrich
 * every event exactly once. The local stores then hold the aborted transaction's writes
 * (no store cache, small memtables: they reach RocksDB's files at once); trusting them
 * would make the deduplicator drop the reprocessed events as copies of themselves.
 */
class CrashRecoveryIT {

	private static final String COMMIT_INTERVAL = "--spring.cloud.stream.kafka.streams.binder.configuration.commit.interval.ms=9000";

	@TempDir
	Path stateDir;

	private final String run = "crash-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void enrichesEveryEventOnceAfterAKillMidTransaction() throws Exception {
		KeystoneStack stack = KeystoneStack.shared();
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
						ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer());
				TopicProbe enriched = TopicProbe.from(stack, Topics.EVENTS_ENRICHED);
				KafkaConsumer<String, String> uncommitted = uncommittedReader(stack)) {
			ServiceProcess first = start();
			send(producer, "a", 200);
			enriched.await(this::ofRun, 200, Duration.ofSeconds(90));
			first.close();

			ServiceProcess second = start();
			send(producer, "b", 200);
			enriched.await(this::ofRun, 400, Duration.ofSeconds(90));
			send(producer, "c", 5_000);
			awaitUncommitted(uncommitted, "-c-", 5_000);
			second.kill();

			try (ServiceProcess third = start()) {
				Map<String, List<String>> copies = enrichedCopies(enriched, 5_400, Duration.ofMinutes(3));
				assertThat(copies.size()).as("events enriched of the 5,400 sent").isEqualTo(5_400);
				assertThat(copies)
					.as("events enriched more than once, with where each copy was written (logs: %s, %s, %s)",
							first.log(), second.log(), third.log())
					.allSatisfy((eventId, written) -> assertThat(written).as(eventId).hasSize(1));
			}
		}
	}

	/**
	 * Where each event of the run was enriched (partition@offset, one per copy), once the
	 * expected number arrived or the time ran out, and nothing more came for five
	 * seconds.
	 */
	private Map<String, List<String>> enrichedCopies(TopicProbe enriched, int expected, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<ConsumerRecord<String, String>> all;
		do {
			all = enriched.drain(this::ofRun, Duration.ofSeconds(5));
		}
		while (all.stream().map(CrashRecoveryIT::eventId).distinct().count() < expected
				&& System.nanoTime() < deadline);
		return enriched.drain(this::ofRun, Duration.ofSeconds(5))
			.stream()
			.collect(Collectors.groupingBy(CrashRecoveryIT::eventId,
					Collectors.mapping((record) -> record.partition() + "@" + record.offset(), Collectors.toList())));
	}

	private ServiceProcess start() {
		return ServiceProcess.start("processing-service", Map.of(),
				"--keystone.processing.streams.application-id=processing-" + this.run,
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + this.stateDir, COMMIT_INTERVAL,
				"--spring.cloud.stream.kafka.streams.binder.configuration.statestore.cache.max.bytes=0",
				"--keystone.processing.streams.rocksdb-memtable-bytes=1048576");
	}

	private void send(KafkaProducer<String, String> producer, String batch, int count) throws Exception {
		Instant now = Instant.now();
		for (int i = 0; i < count; i++) {
			String device = this.run + "-d" + (i % 97);
			String event = """
					{"eventId": "%s-%s-%d", "type": "heartbeat", "timestamp": "%s", "deviceId": "%s",
					 "deviceType": "tv", "sessionId": "%s-s", "titleId": "%s-title", "positionMs": 1000,
					 "receivedAt": "%s", "ingestId": "it"}""".formatted(this.run, batch, i, now, device, device,
					this.run, now);
			producer.send(new ProducerRecord<>(Topics.EVENTS_RAW, device, event));
		}
		producer.flush();
	}

	/** Waits until the open transaction holds every event of the batch. */
	private void awaitUncommitted(KafkaConsumer<String, String> reader, String batch, int count) {
		List<String> seen = new ArrayList<>();
		Awaitility.await("the batch processed, not yet committed")
			.atMost(Duration.ofSeconds(25))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
					if (ofRun(record) && eventId(record).contains(batch)) {
						seen.add(eventId(record));
					}
				}
				return seen.size() >= count;
			});
	}

	private static KafkaConsumer<String, String> uncommittedReader(KeystoneStack stack) {
		KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
						ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted"),
				new StringDeserializer(), new StringDeserializer());
		return TopicEnd.readFromEnd(consumer, Topics.EVENTS_ENRICHED);
	}

	private boolean ofRun(ConsumerRecord<String, String> record) {
		return record.value().contains("\"eventId\":\"" + this.run + "-");
	}

	private static String eventId(ConsumerRecord<String, String> record) {
		String value = record.value();
		int start = value.indexOf("\"eventId\":\"") + 11;
		return value.substring(start, value.indexOf('"', start));
	}

}
