package dev.keystone.routing.viewers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.keystone.events.ViewerCount;
import dev.keystone.events.Window;
import dev.keystone.events.http.BadParameterException;
import dev.keystone.events.http.NotFoundException;
import dev.keystone.routing.readapi.QueryParameters;

/**
 * Answers the viewer endpoints from the store, each answer stamped with {@code asOf}: the
 * end of the newest closed window the store holds for that window size.
 */
class ViewerQueries {

	private static final Duration DEFAULT_SPAN = Duration.ofMinutes(15);

	private static final long MAX_POINTS = 10_000;

	private final ViewerCountStore store;

	private final TitleNames names;

	private final Clock clock;

	ViewerQueries(ViewerCountStore store, TitleNames names, Clock clock) {
		this.store = store;
		this.names = names;
		this.clock = clock;
	}

	Map<String, Object> series(String titleId, String window, String from, String to) {
		Window size = QueryParameters.window("window", window);
		Instant[] range = QueryParameters.range(from, to, DEFAULT_SPAN, this.clock);
		if (Duration.between(range[0], range[1]).dividedBy(size.duration()) > MAX_POINTS) {
			throw new BadParameterException("from",
					"the range spans more than " + MAX_POINTS + " windows of " + window);
		}
		List<Map<String, Object>> points = this.store.series(titleId, window, range[0], range[1])
			.stream()
			.map(ViewerQueries::point)
			.toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("titleId", titleId);
		answer.put("window", window);
		answer.put("points", points);
		answer.put("asOf", asOf(size));
		return answer;
	}

	Map<String, Object> current(String titleId, String window) {
		Window size = QueryParameters.window("window", window);
		ViewerCount latest = this.store.latest(titleId, window, this.clock.instant())
			.orElseThrow(
					() -> new NotFoundException("no closed " + window + " window for title '" + titleId + "' yet"));
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("titleId", titleId);
		answer.put("window", window);
		answer.putAll(point(latest));
		answer.put("asOf", asOf(size));
		return answer;
	}

	Map<String, Object> top(String window, int limit) {
		Window size = QueryParameters.window("window", window);
		QueryParameters.bounded("limit", limit, 1, 100);
		ViewerCountStore.ClosedWindow latest = this.store.latestWindow(window, size.duration(), this.clock.instant())
			.orElseThrow(() -> new NotFoundException("no closed " + window + " window yet"));
		List<ViewerCount> top = this.store.window(window, latest.start())
			.stream()
			.filter((count) -> !ViewerCount.ALL_TITLES.equals(count.titleId()))
			.sorted(Comparator.comparingLong(ViewerCount::viewers).reversed().thenComparing(ViewerCount::titleId))
			.limit(limit)
			.toList();
		Map<String, String> titleNames = this.names.of(top.stream().map(ViewerCount::titleId).toList());
		List<Map<String, Object>> titles = top.stream().map((count) -> {
			Map<String, Object> title = new LinkedHashMap<>();
			title.put("titleId", count.titleId());
			title.put("name", titleNames.get(count.titleId()));
			title.put("viewers", count.viewers());
			return title;
		}).toList();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("window", window);
		answer.put("start", latest.start());
		answer.put("end", latest.end());
		answer.put("titles", titles);
		answer.put("asOf", latest.end());
		return answer;
	}

	private Instant asOf(Window window) {
		return this.store.latestWindow(window.label(), window.duration(), this.clock.instant())
			.map(ViewerCountStore.ClosedWindow::end)
			.orElse(null);
	}

	private static Map<String, Object> point(ViewerCount count) {
		Map<String, Object> point = new LinkedHashMap<>();
		point.put("start", count.start());
		point.put("end", count.end());
		point.put("viewers", count.viewers());
		return point;
	}

}
