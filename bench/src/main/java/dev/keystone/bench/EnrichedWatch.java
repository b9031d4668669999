package dev.keystone.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.keystone.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads {@code events.enriched} as routing-service does ({@code read_committed}, so an
 * event counts only once processing-service's transaction holding it committed) and times
 * every event of the scenario from its request's due moment.
 */
final class EnrichedWatch implements AutoCloseable {

	private final StageLatencies latencies = new StageLatencies();

	private final Thread reader;

	private final KafkaConsumer<String, String> consumer;

	private volatile boolean running = true;

	EnrichedWatch(String bootstrap) {
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
						ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new StringDeserializer());
		List<TopicPartition> partitions = this.consumer.partitionsFor(Topics.EVENTS_ENRICHED)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		partitions.forEach(this.consumer::position);
		this.reader = new Thread(this::read, "enriched-watch");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	StageLatencies latencies() {
		return this.latencies;
	}

	private void read() {
		while (this.running) {
			var records = this.consumer.poll(Duration.ofMillis(50));
			long now = System.currentTimeMillis();
			for (ConsumerRecord<String, String> record : records) {
				String value = record.value();
				int start = value.indexOf("\"e2e.");
				if (start < 0) {
					continue;
				}
				EndToEndEvents.Sample sample = EndToEndEvents
					.parse(value.substring(start + 1, value.indexOf('"', start + 1)));
				this.latencies.record(sample.phase(), (now - sample.dueMillis()) * 1000);
			}
		}
		this.consumer.close();
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.reader.join(5000);
	}

}
