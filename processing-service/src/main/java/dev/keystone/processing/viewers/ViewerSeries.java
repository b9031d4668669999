package dev.keystone.processing.viewers;

import java.util.List;

import dev.keystone.events.Window;
import dev.keystone.processing.windowing.Counter;
import dev.keystone.processing.windowing.Counters;
import dev.keystone.processing.windowing.Increment;
import dev.keystone.processing.windowing.Series;

/**
 * The viewer windows: per title and for {@code _all}, the distinct sessions and the
 * playback events, in 10-second and 1-minute windows. The ids are the series' stored
 * identity: they never change.
 */
final class ViewerSeries {

	static final Counters COUNTERS = Counters.sessions().sum("events");

	static final Counter EVENTS = COUNTERS.counter("events");

	static final Series TEN_SECONDS = new Series(0, "viewers-10s", Window.TEN_SECONDS, COUNTERS);

	static final Series ONE_MINUTE = new Series(1, "viewers-1m", Window.ONE_MINUTE, COUNTERS);

	static final List<Series> ALL = List.of(TEN_SECONDS, ONE_MINUTE);

	/** What a playback event adds besides its session. */
	static final Increment PLAYBACK = Increment.of(COUNTERS).plus(EVENTS, 1);

	private ViewerSeries() {
	}

}
