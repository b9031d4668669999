package dev.keystone.processing.windowing;

import java.util.Arrays;

/**
 * What one contribution adds to a window of a series with this layout: an amount to each
 * sum, and the session subsets its session belongs to. Immutable, so a feature makes one
 * per kind of event, once, and an event costs no new counters.
 */
public final class Increment {

	private final Counters layout;

	private final long[] values;

	private Increment(Counters layout, long[] values) {
		this.layout = layout;
		this.values = values;
	}

	/** Nothing but the session, which every contribution with one counts. */
	public static Increment of(Counters layout) {
		return new Increment(layout, new long[layout.size()]);
	}

	/** This increment, adding {@code amount} more to a sum. */
	public Increment plus(Counter sum, long amount) {
		int index = sum.indexIn(this.layout);
		if (sum.countsSessions()) {
			throw new IllegalArgumentException("counter " + sum + " counts sessions; it is not summed");
		}
		long[] values = this.values.clone();
		values[index] += amount;
		return new Increment(this.layout, values);
	}

	/** This increment, counting the contribution's session in a session subset. */
	public Increment inSessionSubset(Counter subset) {
		int index = subset.indexIn(this.layout);
		if (subset.kind() != Counter.Kind.SESSION_SUBSET) {
			throw new IllegalArgumentException("counter " + subset + " is not a session subset");
		}
		long[] values = this.values.clone();
		values[index] = 1;
		return new Increment(this.layout, values);
	}

	Counters layout() {
		return this.layout;
	}

	/**
	 * By position: the amount of each sum, non-zero in the session subsets the session
	 * belongs to, and ignored in the session count.
	 */
	long[] values() {
		return this.values;
	}

	@Override
	public String toString() {
		return Arrays.toString(this.values);
	}

}
