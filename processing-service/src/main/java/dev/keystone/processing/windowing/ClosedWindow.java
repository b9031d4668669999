package dev.keystone.processing.windowing;

import java.time.Instant;

/**
 * A window every raw partition has passed, with its counters summed over all of them.
 *
 * @param approximate whether the session count of some partition came from a sketch
 */
public record ClosedWindow(Series series, String key, Instant start, Instant end, long[] counts,
		boolean approximate) implements Closing {

	public long sessions() {
		return this.counts[Series.SESSIONS];
	}

}
