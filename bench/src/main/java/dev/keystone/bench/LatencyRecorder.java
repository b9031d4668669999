package dev.keystone.bench;

import java.util.Arrays;

/**
 * Keeps every recorded latency in nanoseconds and answers percentiles by nearest rank.
 * Nothing is bucketed, so p99 is the exact 99th of the values seen.
 */
final class LatencyRecorder {

	private long[] nanos = new long[1 << 14];

	private int size;

	synchronized void record(long value) {
		if (this.size == this.nanos.length) {
			this.nanos = Arrays.copyOf(this.nanos, this.size * 2);
		}
		this.nanos[this.size++] = value;
	}

	synchronized void addAll(LatencyRecorder other) {
		long[] values = other.values();
		for (long value : values) {
			record(value);
		}
	}

	synchronized int count() {
		return this.size;
	}

	/** The latency at or below which {@code fraction} of all recordings lie, in ms. */
	double percentileMillis(double fraction) {
		long[] sorted = values();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(fraction * sorted.length);
		return sorted[Math.max(0, rank - 1)] / 1e6;
	}

	private synchronized long[] values() {
		return Arrays.copyOf(this.nanos, this.size);
	}

}
