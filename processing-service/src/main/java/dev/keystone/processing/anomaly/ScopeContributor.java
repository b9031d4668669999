package dev.keystone.processing.anomaly;

import java.util.function.Consumer;

import dev.keystone.events.DeviceType;
import dev.keystone.events.Event;
import dev.keystone.events.EventType;
import dev.keystone.processing.windowing.Contribution;
import dev.keystone.processing.windowing.Contributor;
import dev.keystone.processing.windowing.Series;

/**
 * Every event counts towards its title, country and device class; playback events also
 * count their session as an active viewer, and as one that hit an error or buffered when
 * the event is a {@code playback_error} or a {@code buffering_start}.
 */
public final class ScopeContributor implements Contributor {

	@Override
	public void contribute(Event event, Consumer<Contribution> into) {
		if (event.type() == null) {
			return;
		}
		long[] counts = counts(event.type());
		String session = event.type().isPlayback() ? event.sessionId() : null;
		if (event.titleId() != null) {
			into.accept(new Contribution(Series.SCOPE_1M, "title:" + event.titleId(), session, counts));
		}
		if (event.country() != null) {
			into.accept(new Contribution(Series.SCOPE_1M, "country:" + event.country(), session, counts));
		}
		DeviceType deviceType = (event.deviceType() != null) ? event.deviceType() : DeviceType.OTHER;
		into.accept(new Contribution(Series.SCOPE_1M, "deviceClass:" + deviceType.deviceClass().wireName(), session,
				counts));
	}

	private static long[] counts(EventType type) {
		long[] counts = new long[Series.SCOPE_1M.counters()];
		counts[ScopeWindow.EVENTS] = 1;
		switch (type) {
			case PLAYBACK_ERROR -> counts[ScopeWindow.ERROR_SESSIONS] = 1;
			case BUFFERING_START -> counts[ScopeWindow.BUFFERING_SESSIONS] = 1;
			case CRASH -> counts[ScopeWindow.CRASHES] = 1;
			default -> {
			}
		}
		return counts;
	}

}
