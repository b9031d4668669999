package dev.keystone.processing.windowing;

/**
 * What one event adds to one window of one key.
 *
 * @param series the kind of window
 * @param key the title or scope counted
 * @param session the session to count as distinct, or null
 * @param increment what to add, in the layout of the series
 */
public record Contribution(Series series, String key, String session, Increment increment) {

	public Contribution {
		if (increment.layout() != series.counters()) {
			throw new IllegalArgumentException("an increment of " + increment.layout() + " for series " + series);
		}
	}

}
