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
	 * Adds every counter but the session counters, which {@link #newSession} and the
	 * sketch count.
	 */
	void add(Counters layout, long[] counts) {
		for (int i = 0; i < this.counts.length; i++) {
			if (!layout.countsSessions(i)) {
				this.counts[i] += counts[i];
			}
		}
	}

	/**
	 * Adds a partition's counters, sessions included, and its approximation. Counters the
	 * partition did not have (written before the series had them) add nothing.
	 */
	void merge(long[] counts, boolean approximate) {
		for (int i = 0; i < Math.min(this.counts.length, counts.length); i++) {
			this.counts[i] += counts[i];
		}
		this.approximate |= approximate;
	}

	void newSession(int counter) {
		this.counts[counter]++;
	}

	void startSketch(int lgK) {
		this.sketch = new HllSketch(lgK, TgtHllType.HLL_8);
		this.approximate = true;
	}

	void sketch(String session) {
		this.sketch.update(session);
		this.counts[Counters.SESSIONS] = Math.round(this.sketch.getEstimate());
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

	/**
	 * @param counters how many counters the series' layout has now; a tally stored with
	 * fewer (before the layout had them) reads as zero in the new ones
	 */
	static Tally of(byte[] bytes, int counters) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes);
		int flags = buffer.get();
		int stored = buffer.get();
		long[] counts = new long[counters];
		for (int i = 0; i < stored; i++) {
			long count = buffer.getLong();
			if (i < counters) {
				counts[i] = count;
			}
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
