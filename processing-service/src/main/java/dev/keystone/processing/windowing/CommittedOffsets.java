package dev.keystone.processing.windowing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * {@link PartitionProgress} from the broker: every second, the partitions of the topic,
 * their first and end offsets and what the group has committed. A partition is caught up
 * when the committed offset reached the end, or when it never held a record.
 */
public final class CommittedOffsets implements PartitionProgress, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CommittedOffsets.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final Map<String, Object> adminConfig;

	private final String topic;

	private final String groupId;

	private final Duration interval;

	private volatile int partitions;

	private volatile Set<Integer> caughtUp = Set.of();

	private ScheduledExecutorService scheduler;

	private Admin admin;

	private boolean failing;

	public CommittedOffsets(Map<String, Object> adminConfig, String topic, String groupId, Duration interval) {
		this.adminConfig = adminConfig;
		this.topic = topic;
		this.groupId = groupId;
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
		try {
			TopicDescription description = this.admin.describeTopics(List.of(this.topic))
				.allTopicNames()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
				.get(this.topic);
			List<TopicPartition> partitions = description.partitions()
				.stream()
				.map((info) -> new TopicPartition(this.topic, info.partition()))
				.toList();
			Map<TopicPartition, ListOffsetsResultInfo> first = offsets(partitions, OffsetSpec.earliest());
			Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.groupId)
				.partitionsToOffsetAndMetadata()
				.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			this.caughtUp = partitions.stream().filter((partition) -> {
				OffsetAndMetadata offset = committed.get(partition);
				long last = end.get(partition).offset();
				return (offset != null) ? offset.offset() >= last : last <= first.get(partition).offset();
			}).map(TopicPartition::partition).collect(Collectors.toUnmodifiableSet());
			this.partitions = partitions.size();
			if (this.failing) {
				log.info("partition progress of topic={} readable again", this.topic);
				this.failing = false;
			}
		}
		catch (Exception ex) {
			this.caughtUp = Set.of();
			if (!this.failing) {
				log.warn("partition progress of topic={} unreadable; idle partitions hold their windows open error={}",
						this.topic, ex.toString());
				this.failing = true;
			}
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
			throws Exception {
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		partitions.forEach((partition) -> request.put(partition, spec));
		return this.admin.listOffsets(request).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
	}

}
