package dev.keystone.routing.archive;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The Kafka positions the archive table has taken in: each commit stores, in its
 * snapshot's summary, the next offset of every partition it covers. Replicas that own
 * different partitions commit side by side, so a partition's position is the one of the
 * newest snapshot that names it; snapshots of compaction or expiry name none and are
 * passed over.
 */
final class TableOffsets {

	private static final String PREFIX = "keystone.kafka.offset.";

	private TableOffsets() {
	}

	static String key(String topic, int partition) {
		return PREFIX + topic + "-" + partition;
	}

	/**
	 * The next offset to read of each partition the table has taken events from.
	 * @param table the archive table, refreshed
	 * @param topic the topic
	 * @param partitions the partitions wanted
	 * @return next offset by partition, for those of the partitions the table knows
	 */
	static Map<Integer, Long> of(Table table, String topic, Set<Integer> partitions) {
		Map<Integer, Long> offsets = new HashMap<>();
		Set<Integer> missing = new HashSet<>(partitions);
		if (table.currentSnapshot() == null) {
			return offsets;
		}
		for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
			Map<String, String> summary = snapshot.summary();
			for (var iterator = missing.iterator(); iterator.hasNext();) {
				int partition = iterator.next();
				String value = summary.get(key(topic, partition));
				if (value != null) {
					offsets.put(partition, Long.parseLong(value));
					iterator.remove();
				}
			}
			if (missing.isEmpty()) {
				break;
			}
		}
		return offsets;
	}

}
