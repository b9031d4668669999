package dev.keystone.routing.viewers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import dev.keystone.events.ViewerCount;
import dev.keystone.events.Window;
import dev.keystone.events.http.BadParameterException;
import dev.keystone.events.http.NotFoundException;

/**
 * Answers the viewer endpoints from the store, each answer stamped with {@code asOf}: the
 * end of the newest closed window the store holds for that window size.
 */
class ViewerQueries {

	private static final long MAX_POINTS = 10_000;

	private final ViewerCountStore store;

	private final TitleNames names;

	private final Clock clock;

	ViewerQueries(ViewerCountStore store, TitleNames names, Clock clock) {
		this.store = store;
		this.names = names;
		this.clock = clock;
	}

	ViewerSeries series(String titleId, Window window, Instant[] range) {
		if (Duration.between(range[0], range[1]).dividedBy(window.duration()) > MAX_POINTS) {
			throw new BadParameterException("from",
					"the range spans more than " + MAX_POINTS + " windows of " + window.label());
		}
		List<ViewerSeries.Point> points = this.store.series(titleId, window.label(), range[0], range[1])
			.stream()
			.map((count) -> new ViewerSeries.Point(count.start(), count.end(), count.viewers()))
			.toList();
		return new ViewerSeries(titleId, window.label(), points, asOf(window));
	}

	CurrentViewers current(String titleId, Window window) {
		ViewerCount latest = this.store.latest(titleId, window.label(), this.clock.instant())
			.orElseThrow(() -> new NotFoundException(
					"no closed " + window.label() + " window for title '" + titleId + "' yet"));
		return new CurrentViewers(titleId, window.label(), latest.start(), latest.end(), latest.viewers(),
				asOf(window));
	}

	TopTitles top(Window window, int limit) {
		ViewerCountStore.ClosedWindow latest = this.store
			.latestWindow(window.label(), window.duration(), this.clock.instant())
			.orElseThrow(() -> new NotFoundException("no closed " + window.label() + " window yet"));
		List<ViewerCount> top = this.store.window(window.label(), latest.start())
			.stream()
			.filter((count) -> !ViewerCount.ALL_TITLES.equals(count.titleId()))
			.sorted(Comparator.comparingLong(ViewerCount::viewers).reversed().thenComparing(ViewerCount::titleId))
			.limit(limit)
			.toList();
		Map<String, String> titleNames = this.names.of(top.stream().map(ViewerCount::titleId).toList());
		List<TopTitles.Title> titles = top.stream()
			.map((count) -> new TopTitles.Title(count.titleId(), titleNames.get(count.titleId()), count.viewers()))
			.toList();
		return new TopTitles(window.label(), latest.start(), latest.end(), titles, latest.end());
	}

	private Instant asOf(Window window) {
		return this.store.latestWindow(window.label(), window.duration(), this.clock.instant())
			.map(ViewerCountStore.ClosedWindow::end)
			.orElse(null);
	}

}
