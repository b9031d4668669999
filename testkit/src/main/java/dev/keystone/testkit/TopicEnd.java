package dev.keystone.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Points a consumer at every partition of a topic from its current end, so it reads only
 * what a test writes or causes from now on.
 */
public final class TopicEnd {

	private TopicEnd() {
	}

	/** Assigns every partition of {@code topic} to the consumer, at its end offset. */
	public static <K, V> KafkaConsumer<K, V> readFromEnd(KafkaConsumer<K, V> consumer, String topic) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
			partitions.add(new TopicPartition(topic, info.partition()));
		}
		consumer.assign(partitions);
		new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30))).forEach(consumer::seek);
		return consumer;
	}

}
