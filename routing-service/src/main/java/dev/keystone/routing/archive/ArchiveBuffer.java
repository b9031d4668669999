package dev.keystone.routing.archive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events read since the last commit, with the position each partition reached, kept
 * until a commit takes them in. A failed commit leaves them here for the next try, so the
 * consumer need not read them again.
 */
final class ArchiveBuffer {

	private final List<Pending> records = new ArrayList<>();

	private final Map<Integer, Long> nextOffsets = new HashMap<>();

	private long bytes;

	private long oldestMillis = Long.MAX_VALUE;

	Pending add(int partition, long offset, String json, long timestampMillis) {
		Pending pending = new Pending(partition, offset, json, timestampMillis);
		this.records.add(pending);
		this.nextOffsets.put(partition, offset + 1);
		this.bytes += json.length();
		this.oldestMillis = Math.min(this.oldestMillis, timestampMillis);
		return pending;
	}

	List<Pending> records() {
		return this.records;
	}

	/** The next offset of each partition that events were read from. */
	Map<Integer, Long> nextOffsets() {
		return this.nextOffsets;
	}

	int size() {
		return this.records.size();
	}

	long bytes() {
		return this.bytes;
	}

	boolean isEmpty() {
		return this.records.isEmpty();
	}

	/** Kafka time of the oldest event waiting, or none. */
	long oldestMillis() {
		return this.oldestMillis;
	}

	void clear() {
		this.records.clear();
		this.nextOffsets.clear();
		this.bytes = 0;
		this.oldestMillis = Long.MAX_VALUE;
	}

	/** Forgets the events of partitions that another reader now owns. */
	void drop(Set<Integer> partitions) {
		this.records.removeIf((pending) -> partitions.contains(pending.partition()));
		partitions.forEach(this.nextOffsets::remove);
		this.bytes = 0;
		this.oldestMillis = Long.MAX_VALUE;
		for (Pending pending : this.records) {
			this.bytes += pending.json().length();
			this.oldestMillis = Math.min(this.oldestMillis, pending.timestampMillis());
		}
	}

	record Pending(int partition, long offset, String json, long timestampMillis) {

	}

}
