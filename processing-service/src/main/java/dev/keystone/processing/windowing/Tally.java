package dev.keystone.processing.windowing;

import java.nio.ByteBuffer;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The counters of one window, as one partition or the merge has them so far. Once a
 * partition has seen more distinct sessions in a window than it counts exactly, its
 * sessions go into a HyperLogLog sketch and the window is marked approximate.
 */
final class Tally {

	private static final int APPROXIMATE = 1;

	private static final int SKETCHED = 2;

	private final long[] counts;

	private boolean approximate;

	private HllSketch sketch;

	Tally(int counters) {
		this(new long[counters], false, null);
	}

	private Tally(long[] counts, boolean approximate, HllSketch sketch) {
		this.counts = counts;
		this.approximate = approximate;
		this.sketch = sketch;
	}

	long[] counts() {
		return this.counts;
	}

	boolean approximate() {
		return this.approximate;
	}

	boolean sketched() {
		return this.sketch != null;
	}

	/**
	 * Adds every counter but the sessions, which {@link #newSession} and the sketch
	 * count.
	 */
	void add(long[] counts) {
		for (int i = 0; i < this.counts.length; i++) {
			if (i != Series.SESSIONS) {
				this.counts[i] += counts[i];
			}
		}
	}

	/** Adds a partition's counters, sessions included, and its approximation. */
	void merge(long[] counts, boolean approximate) {
		for (int i = 0; i < this.counts.length; i++) {
			this.counts[i] += counts[i];
		}
		this.approximate |= approximate;
	}

	void newSession() {
		this.counts[Series.SESSIONS]++;
	}

	void startSketch(int lgK) {
		this.sketch = new HllSketch(lgK, TgtHllType.HLL_8);
		this.approximate = true;
	}

	void sketch(String session) {
		this.sketch.update(session);
		this.counts[Series.SESSIONS] = Math.round(this.sketch.getEstimate());
	}

	byte[] bytes() {
		byte[] sketchBytes = (this.sketch != null) ? this.sketch.toUpdatableByteArray() : new byte[0];
		ByteBuffer buffer = ByteBuffer.allocate(2 + this.counts.length * Long.BYTES + sketchBytes.length);
		buffer.put((byte) ((this.approximate ? APPROXIMATE : 0) | ((this.sketch != null) ? SKETCHED : 0)));
		buffer.put((byte) this.counts.length);
		for (long count : this.counts) {
			buffer.putLong(count);
		}
		return buffer.put(sketchBytes).array();
	}

	static Tally of(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		int flags = buffer.get();
		long[] counts = new long[buffer.get()];
		for (int i = 0; i < counts.length; i++) {
			counts[i] = buffer.getLong();
		}
		HllSketch sketch = null;
		if ((flags & SKETCHED) != 0) {
			byte[] sketchBytes = new byte[buffer.remaining()];
			buffer.get(sketchBytes);
			sketch = HllSketch.heapify(sketchBytes);
		}
		return new Tally(counts, (flags & APPROXIMATE) != 0, sketch);
	}

}
