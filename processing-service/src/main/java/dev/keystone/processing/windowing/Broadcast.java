package dev.keystone.processing.windowing;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Sends partials to the partition of their key, as the default partitioner would, and
 * watermarks to every partition, since every merging task waits for every raw partition.
 */
final class Broadcast implements StreamPartitioner<String, byte[]> {

	@Override
	@Deprecated
	public Integer partition(String topic, String key, byte[] value, int numPartitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % numPartitions;
	}

	@Override
	@SuppressWarnings("deprecation")
	public Optional<Set<Integer>> partitions(String topic, String key, byte[] value, int numPartitions) {
		if (WindowRecord.isWatermark(value)) {
			return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toSet()));
		}
		return Optional.of(Set.of(partition(topic, key, value, numPartitions)));
	}

}
