package dev.keystone.processing.viewers;

import java.util.List;
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

	@Override
	public List<Series> series() {
		return ViewerSeries.ALL;
	}

	@Override
	public void contribute(Event event, Consumer<Contribution> into) {
		if (event.type() == null || !event.type().isPlayback() || event.titleId() == null
				|| event.sessionId() == null) {
			return;
		}
		for (Series series : ViewerSeries.ALL) {
			into.accept(new Contribution(series, event.titleId(), event.sessionId(), ViewerSeries.PLAYBACK));
			into.accept(new Contribution(series, ViewerCount.ALL_TITLES, event.sessionId(), ViewerSeries.PLAYBACK));
		}
	}

}
