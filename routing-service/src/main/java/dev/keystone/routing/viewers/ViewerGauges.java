package dev.keystone.routing.viewers;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import dev.keystone.events.ViewerCount;
import dev.keystone.events.Window;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What is watched now, for dashboards: for each window size, the newest stored window's
 * distinct viewers over all titles, the viewers of its most watched title, and how many
 * titles had viewers. Title ids stay out of the tags (unbounded); the read API names the
 * top titles.
 */
final class ViewerGauges {

	private final Map<String, Newest> newest = new HashMap<>();

	ViewerGauges(MeterRegistry registry) {
		for (String window : Window.labels()) {
			this.newest.put(window, new Newest(Instant.EPOCH));
			Gauge.builder("keystone.viewers", this, (gauges) -> gauges.read(window, Newest::all))
				.tag("window", window)
				.description("Distinct viewers of the newest stored window, over all titles")
				.register(registry);
			Gauge.builder("keystone.viewers.top.title", this, (gauges) -> gauges.read(window, Newest::top))
				.tag("window", window)
				.description("Viewers of the most watched title in the newest stored window")
				.register(registry);
			Gauge.builder("keystone.viewers.titles", this, (gauges) -> gauges.read(window, Newest::titles))
				.tag("window", window)
				.description("Titles with viewers in the newest stored window")
				.register(registry);
		}
	}

	synchronized void record(ViewerCount count) {
		Newest current = this.newest.get(count.window());
		if (current == null || count.end().isBefore(current.end)) {
			return;
		}
		if (count.end().isAfter(current.end)) {
			current = new Newest(count.end());
			this.newest.put(count.window(), current);
		}
		current.viewers.put(count.titleId(), count.viewers());
	}

	private synchronized double read(String window, ToLongFunction<Newest> measure) {
		return measure.applyAsLong(this.newest.get(window));
	}

	/** One window's viewers per title, {@code _all} included, as they are stored. */
	private static final class Newest {

		private final Instant end;

		private final Map<String, Long> viewers = new HashMap<>();

		Newest(Instant end) {
			this.end = end;
		}

		long all() {
			return this.viewers.getOrDefault(ViewerCount.ALL_TITLES, 0L);
		}

		long top() {
			return this.viewers.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(ViewerCount.ALL_TITLES))
				.mapToLong(Map.Entry::getValue)
				.max()
				.orElse(0);
		}

		long titles() {
			return this.viewers.keySet().stream().filter((title) -> !title.equals(ViewerCount.ALL_TITLES)).count();
		}

	}

}
