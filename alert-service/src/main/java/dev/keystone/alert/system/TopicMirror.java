package dev.keystone.alert.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Every partition of one topic, read by every replica on its own thread without a
 * consumer group (committed records only), handed record by record to a listener: from
 * the beginning for a compacted topic the API serves from memory, from the end for a feed
 * of changes.
 */
public final class TopicMirror implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicMirror.class);

	private final String topic;

	private final Map<String, Object> properties;

	private final boolean fromBeginning;

	private final BiConsumer<String, String> listener;

	private volatile KafkaConsumer<String, String> consumer;

	private volatile boolean running;

	private volatile boolean caughtUp;

	private Thread thread;

	public TopicMirror(String topic, Map<String, Object> consumerProperties, boolean fromBeginning,
			BiConsumer<String, String> listener) {
		this.topic = topic;
		this.properties = new HashMap<>(consumerProperties);
		this.properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
		this.properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		this.properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		this.properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "mirror-" + topic + "-" + UUID.randomUUID());
		this.fromBeginning = fromBeginning;
		this.listener = listener;
	}

	/**
	 * Whether it reads the whole topic (a state it serves) rather than a feed of changes.
	 */
	public boolean fromBeginning() {
		return this.fromBeginning;
	}

	/** Whether the mirror has read what the topic held when it started. */
	public boolean caughtUp() {
		return this.caughtUp;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.thread = new Thread(this::run, "mirror-" + this.topic);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		while (this.running) {
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(this.properties, new StringDeserializer(),
					new StringDeserializer())) {
				this.consumer = consumer;
				List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(30))
					.stream()
					.map((info) -> new TopicPartition(this.topic, info.partition()))
					.toList();
				consumer.assign(partitions);
				if (this.fromBeginning) {
					consumer.seekToBeginning(partitions);
				}
				else {
					consumer.seekToEnd(partitions);
					this.caughtUp = true;
				}
				Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
				while (this.running) {
					for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
						this.listener.accept(record.key(), record.value());
					}
					if (!this.caughtUp && partitions.stream().allMatch((p) -> consumer.position(p) >= ends.get(p))) {
						this.caughtUp = true;
						log.info("mirror of {} caught up", this.topic);
					}
				}
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("mirror of {} failed, reopening: {}", this.topic, ex.toString());
				pause();
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		KafkaConsumer<String, String> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		Thread started = this.thread;
		if (started != null) {
			try {
				started.join(5000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
