package dev.keystone.processing.anomaly;

import dev.keystone.events.Window;
import dev.keystone.processing.windowing.Counter;
import dev.keystone.processing.windowing.Counters;
import dev.keystone.processing.windowing.Series;

/**
 * The scope windows every metric is computed from: per title, country and device class
 * and minute, the distinct playback sessions and what the scope's events added up to. The
 * id is the series' stored identity: it never changes.
 */
final class ScopeSeries {

	static final Counters COUNTERS = Counters.sessions()
		.sum("events")
		.sessionSubset("error_sessions")
		.sessionSubset("buffering_sessions")
		.sum("crashes");

	static final Counter EVENTS = COUNTERS.counter("events");

	/** Playback sessions with a {@code playback_error} in the window. */
	static final Counter ERROR_SESSIONS = COUNTERS.counter("error_sessions");

	/** Playback sessions with a {@code buffering_start} in the window. */
	static final Counter BUFFERING_SESSIONS = COUNTERS.counter("buffering_sessions");

	static final Counter CRASHES = COUNTERS.counter("crashes");

	static final Series ONE_MINUTE = new Series(2, "scope-1m", Window.ONE_MINUTE, COUNTERS);

	private ScopeSeries() {
	}

}
