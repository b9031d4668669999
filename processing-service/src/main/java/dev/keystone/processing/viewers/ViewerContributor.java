package dev.keystone.processing.viewers;

import java.util.function.Consumer;

import dev.keystone.events.Event;
import dev.keystone.events.ViewerCount;
import dev.keystone.processing.windowing.Contribution;
import dev.keystone.processing.windowing.Contributor;
import dev.keystone.processing.windowing.Series;

/**
 * A playback event counts its session and itself for its title and for {@code _all}, in
 * the 10-second and the 1-minute window.
 */
public final class ViewerContributor implements Contributor {

	static final int EVENTS = 1;

	private static final long[] ONE_EVENT = { 0, 1 };

	@Override
	public void contribute(Event event, Consumer<Contribution> into) {
		if (event.type() == null || !event.type().isPlayback() || event.titleId() == null
				|| event.sessionId() == null) {
			return;
		}
		for (Series series : new Series[] { Series.VIEWERS_10S, Series.VIEWERS_1M }) {
			into.accept(new Contribution(series, event.titleId(), event.sessionId(), ONE_EVENT));
			into.accept(new Contribution(series, ViewerCount.ALL_TITLES, event.sessionId(), ONE_EVENT));
		}
	}

}
