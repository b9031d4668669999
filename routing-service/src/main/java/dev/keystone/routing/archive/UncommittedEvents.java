package dev.keystone.routing.archive;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * What was read since the last commit: the position each partition reached, how many
 * events and bytes of JSON, and when each event reached Kafka, for the freshness of the
 * commit that takes them in. The events themselves are only in the open data files.
 */
final class UncommittedEvents {

	private final Map<Integer, Long> nextOffsets = new HashMap<>();

	private long[] arrivals = new long[1024];

	private int size;

	private long bytes;

	private long oldestMillis = Long.MAX_VALUE;

	private long firstReadAtMillis;

	void add(int partition, long offset, int jsonLength, long timestampMillis, long nowMillis) {
		if (this.size == 0) {
			this.firstReadAtMillis = nowMillis;
		}
		if (this.size == this.arrivals.length) {
			this.arrivals = Arrays.copyOf(this.arrivals, this.size * 2);
		}
		this.arrivals[this.size++] = timestampMillis;
		this.nextOffsets.put(partition, offset + 1);
		this.bytes += jsonLength;
		this.oldestMillis = Math.min(this.oldestMillis, timestampMillis);
	}

	/** The next offset of each partition that events were read from. */
	Map<Integer, Long> nextOffsets() {
		return this.nextOffsets;
	}

	boolean holdsAny(Set<Integer> partitions) {
		return partitions.stream().anyMatch(this.nextOffsets::containsKey);
	}

	int size() {
		return this.size;
	}

	long bytes() {
		return this.bytes;
	}

	boolean isEmpty() {
		return this.size == 0;
	}

	/** Kafka time of the oldest event read, or none. */
	long oldestMillis() {
		return this.oldestMillis;
	}

	/** When the first of these events was read. */
	long firstReadAtMillis() {
		return this.firstReadAtMillis;
	}

	/** Passes the Kafka time of each event. */
	void forEachArrival(LongConsumer arrival) {
		for (int i = 0; i < this.size; i++) {
			arrival.accept(this.arrivals[i]);
		}
	}

	void clear() {
		this.nextOffsets.clear();
		this.size = 0;
		this.bytes = 0;
		this.oldestMillis = Long.MAX_VALUE;
		if (this.arrivals.length > 1 << 16) {
			this.arrivals = new long[1024];
		}
	}

}
