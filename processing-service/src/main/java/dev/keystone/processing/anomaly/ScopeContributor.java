package dev.keystone.processing.anomaly;

import java.util.List;
import java.util.function.Consumer;

import dev.keystone.events.DeviceType;
import dev.keystone.events.Event;
import dev.keystone.events.EventType;
import dev.keystone.processing.windowing.Contribution;
import dev.keystone.processing.windowing.Contributor;
import dev.keystone.processing.windowing.Increment;
import dev.keystone.processing.windowing.Series;

/**
 * Every event counts towards its title, country and device class; playback events also
 * count their session as an active viewer, and as one that hit an error or buffered when
 * the event is a {@code playback_error} or a {@code buffering_start}.
 */
public final class ScopeContributor implements Contributor {

	private static final Increment EVENT = Increment.of(ScopeSeries.COUNTERS).plus(ScopeSeries.EVENTS, 1);

	private static final Increment ERROR = EVENT.inSessionSubset(ScopeSeries.ERROR_SESSIONS);

	private static final Increment BUFFERING = EVENT.inSessionSubset(ScopeSeries.BUFFERING_SESSIONS);

	private static final Increment CRASH = EVENT.plus(ScopeSeries.CRASHES, 1);

	@Override
	public List<Series> series() {
		return List.of(ScopeSeries.ONE_MINUTE);
	}

	@Override
	public void contribute(Event event, Consumer<Contribution> into) {
		if (event.type() == null) {
			return;
		}
		Series series = ScopeSeries.ONE_MINUTE;
		Increment increment = increment(event.type());
		String session = event.type().isPlayback() ? event.sessionId() : null;
		if (event.titleId() != null) {
			into.accept(new Contribution(series, "title:" + event.titleId(), session, increment));
		}
		if (event.country() != null) {
			into.accept(new Contribution(series, "country:" + event.country(), session, increment));
		}
		DeviceType deviceType = (event.deviceType() != null) ? event.deviceType() : DeviceType.OTHER;
		into.accept(new Contribution(series, "deviceClass:" + deviceType.deviceClass().wireName(), session, increment));
	}

	private static Increment increment(EventType type) {
		return switch (type) {
			case PLAYBACK_ERROR -> ERROR;
			case BUFFERING_START -> BUFFERING;
			case CRASH -> CRASH;
			default -> EVENT;
		};
	}

}
