package dev.keystone.processing.windowing;

import java.time.Instant;
import java.util.StringJoiner;

/**
 * A window every raw partition has passed, with its counters summed over all of them,
 * read through the handles of its series' {@link Counters}.
 */
public final class ClosedWindow implements Closing {

	private final Series series;

	private final String key;

	private final Instant start;

	private final Instant end;

	private final long[] counts;

	private final boolean approximate;

	ClosedWindow(Series series, String key, Instant start, Instant end, long[] counts, boolean approximate) {
		this.series = series;
		this.key = key;
		this.start = start;
		this.end = end;
		this.counts = counts;
		this.approximate = approximate;
	}

	public Series series() {
		return this.series;
	}

	/** The title or scope counted. */
	public String key() {
		return this.key;
	}

	public Instant start() {
		return this.start;
	}

	public Instant end() {
		return this.end;
	}

	/** Whether the session count of some partition came from a sketch. */
	public boolean approximate() {
		return this.approximate;
	}

	/** The distinct sessions. */
	public long sessions() {
		return this.counts[Counters.SESSIONS];
	}

	/** A counter of the window's series. */
	public long count(Counter counter) {
		return this.counts[counter.indexIn(this.series.counters())];
	}

	@Override
	public String toString() {
		StringJoiner counters = new StringJoiner(", ", "{", "}");
		for (Counter counter : this.series.counters().all()) {
			counters.add(counter.name() + "=" + this.counts[counter.index()]);
		}
		return this.series + " " + this.key + " [" + this.start + ", " + this.end + ") " + counters
				+ (this.approximate ? " approximate" : "");
	}

}
