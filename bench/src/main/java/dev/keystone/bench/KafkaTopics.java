package dev.keystone.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the benchmarks ask the broker: topic creation, end offsets, how far a consumer
 * group has committed, and the size of records already on a topic.
 */
final class KafkaTopics implements AutoCloseable {

	private final String bootstrap;

	private final Admin admin;

	KafkaTopics(String bootstrap) {
		this.bootstrap = bootstrap;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
	}

	void create(String topic, int partitions) throws InterruptedException {
		try {
			this.admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException("could not create " + topic, ex.getCause());
			}
		}
	}

	/**
	 * Keeps a topic's records however old their timestamps: a backlog of events weeks in
	 * the past would otherwise lose whole segments to the default retention while it is
	 * read.
	 */
	void keepForever(String topic) throws InterruptedException, ExecutionException {
		ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
		this.admin
			.incrementalAlterConfigs(Map.of(resource,
					List.of(new AlterConfigOp(new ConfigEntry("retention.ms", "-1"), AlterConfigOp.OpType.SET))))
			.all()
			.get();
	}

	List<TopicPartition> partitions(String topic) throws InterruptedException, ExecutionException {
		return this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((p) -> new TopicPartition(topic, p.partition()))
			.toList();
	}

	/** Sum of the end offsets of every partition. */
	long endOffset(String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetSpec> latest = partitions(topic).stream()
			.collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest()));
		Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = this.admin.listOffsets(latest)
			.all()
			.get();
		return offsets.values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
	}

	/** Sum of the offsets the group committed on the topic; 0 before its first commit. */
	long committed(String group, String topic) throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		return offsets.entrySet()
			.stream()
			.filter((e) -> e.getKey().topic().equals(topic) && e.getValue() != null)
			.mapToLong((e) -> e.getValue().offset())
			.sum();
	}

	/**
	 * Every committed value on a topic from its start to its current end, as text.
	 */
	List<String> readAll(String topic) throws InterruptedException, ExecutionException {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
		List<TopicPartition> partitions = partitions(topic);
		List<String> values = new java.util.ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
			while (System.nanoTime() < deadline
					&& partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null) {
						values.add(new String(record.value(), java.nio.charset.StandardCharsets.UTF_8));
					}
				}
			}
		}
		return values;
	}

	/** Mean value size of up to {@code sample} records from the start of a topic. */
	double averageValueBytes(String topic, int sample) throws InterruptedException, ExecutionException {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		List<TopicPartition> partitions = partitions(topic);
		long bytes = 0;
		int records = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records < sample && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					bytes += record.serializedValueSize();
					records++;
				}
			}
		}
		if (records == 0) {
			throw new IllegalStateException("no records on " + topic + " to measure");
		}
		return (double) bytes / records;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
