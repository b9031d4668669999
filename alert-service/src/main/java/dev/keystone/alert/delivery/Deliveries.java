package dev.keystone.alert.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.ReceiverSettings.Receiver;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * One delivery per receiver, each on its own thread, started with the service and
 * restarted after a failure (a fenced commit, a broker away) from its last commit.
 */
final class Deliveries implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final long RESTART_PAUSE_MS = 2000;

	private final ReceiverSettings settings;

	private final Map<String, Object> consumerProperties;

	private final Map<String, Object> producerProperties;

	private final String topic;

	private final String logTopic;

	private final String groupPrefix;

	private final Function<Receiver, DeliveryParts> parts;

	private final Map<String, DeliveryWorker> workers = new HashMap<>();

	private final List<Thread> threads = new ArrayList<>();

	private volatile boolean running;

	/** What one worker needs besides its Kafka clients. */
	record DeliveryParts(Payloads payloads, ReceiverClient client, DeliveryMetrics metrics, ObjectMapper mapper,
			Clock clock) {

	}

	Deliveries(ReceiverSettings settings, Map<String, Object> consumerProperties,
			Map<String, Object> producerProperties, String topic, String logTopic, String groupPrefix,
			Function<Receiver, DeliveryParts> parts) {
		this.settings = settings;
		this.consumerProperties = consumerProperties;
		this.producerProperties = producerProperties;
		this.topic = topic;
		this.logTopic = logTopic;
		this.groupPrefix = groupPrefix;
		this.parts = parts;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		for (Receiver receiver : this.settings.receivers()) {
			Thread thread = new Thread(() -> supervise(receiver), "delivery-" + receiver.name());
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
		if (this.settings.receivers().isEmpty()) {
			log.warn("no receivers configured (KEYSTONE_ALERT_RECEIVERS_<n>_*): alerts are tracked, nobody is told");
		}
	}

	private void supervise(Receiver receiver) {
		while (this.running) {
			DeliveryWorker worker = worker(receiver);
			synchronized (this) {
				if (!this.running) {
					return;
				}
				this.workers.put(receiver.name(), worker);
			}
			worker.run();
			if (this.running) {
				log.info("restarting delivery to receiver={} in {} ms", receiver.name(), RESTART_PAUSE_MS);
				try {
					TimeUnit.MILLISECONDS.sleep(RESTART_PAUSE_MS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private DeliveryWorker worker(Receiver receiver) {
		Map<String, Object> consumer = new HashMap<>(this.consumerProperties);
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, this.groupPrefix + receiver.name());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
		Map<String, Object> producer = new HashMap<>(this.producerProperties);
		producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG,
				this.groupPrefix + receiver.name() + "-" + UUID.randomUUID());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		DeliveryParts with = this.parts.apply(receiver);
		return new DeliveryWorker(receiver,
				new KafkaConsumer<>(consumer, new StringDeserializer(), new StringDeserializer()),
				new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer()), this.topic,
				this.logTopic, with.payloads(), with.client(), with.metrics(), this.settings.delivery(), with.mapper(),
				with.clock());
	}

	@Override
	public void stop() {
		List<Thread> started;
		synchronized (this) {
			this.running = false;
			this.workers.values().forEach(DeliveryWorker::stop);
			started = new ArrayList<>(this.threads);
			this.threads.clear();
			this.workers.clear();
		}
		for (Thread thread : started) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(15));
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
