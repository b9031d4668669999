package dev.keystone.processing.windowing;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.SmartLifecycle;

/**
 * {@link PartitionProgress} from the service's own consumers: every second, the number of
 * partitions of the topic (from the broker) and each assigned partition's
 * {@code records-lag}, which the consumer learns from every fetch. A partition is caught
 * up when its consumer has fetched to the end, whatever offset it started from.
 */
public final class ConsumerLag implements PartitionProgress, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Map<String, Object> adminConfig;

	private final String topic;

	private final KafkaStreamsRegistry registry;

	private final Duration interval;

	private volatile int partitions;

	private volatile Set<Integer> caughtUp = Set.of();

	private ScheduledExecutorService scheduler;

	private Admin admin;

	private boolean failing;

	public ConsumerLag(Map<String, Object> adminConfig, String topic, KafkaStreamsRegistry registry,
			Duration interval) {
		this.adminConfig = adminConfig;
		this.topic = topic;
		this.registry = registry;
		this.interval = interval;
	}

	@Override
	public int partitions() {
		return this.partitions;
	}

	@Override
	public boolean caughtUp(int partition) {
		return this.caughtUp.contains(partition);
	}

	@Override
	public synchronized void start() {
		this.admin = Admin.create(this.adminConfig);
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "partition-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.scheduleWithFixedDelay(this::refresh, 0, this.interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		this.scheduler.shutdownNow();
		this.admin.close(TIMEOUT);
		this.scheduler = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	private void refresh() {
		this.caughtUp = lagless();
		try {
			this.partitions = this.admin.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(this.topic)
				.partitions()
				.size();
			if (this.failing) {
				log.info("partitions of topic={} readable again", this.topic);
				this.failing = false;
			}
		}
		catch (Exception ex) {
			if (!this.failing) {
				log.warn("partitions of topic={} unreadable; windows wait for them error={}", this.topic,
						ex.toString());
				this.failing = true;
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Consumer metrics name topics with dots as underscores. */
	private Set<Integer> lagless() {
		String topicTag = this.topic.replace('.', '_');
		Set<Integer> lagless = new HashSet<>();
		this.registry.streamsBuilderFactoryBeans().forEach((factory) -> {
			KafkaStreams streams = factory.getKafkaStreams();
			if (streams == null) {
				return;
			}
			for (Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
				MetricName name = metric.getKey();
				if (name.name().equals("records-lag") && topicTag.equals(name.tags().get("topic"))
						&& name.tags().containsKey("partition") && metric.getValue().metricValue() instanceof Double lag
						&& lag <= 0) {
					lagless.add(Integer.valueOf(name.tags().get("partition")));
				}
			}
		});
		return Set.copyOf(lagless);
	}

}
