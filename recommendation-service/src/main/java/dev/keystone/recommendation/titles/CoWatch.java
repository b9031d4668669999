package dev.keystone.recommendation.titles;

import java.util.HashMap;
import java.util.Map;

/**
 * How many profiles watched a title, and with which other titles, in bounded memory.
 * <p>
 * Past the bound a new neighbour takes the place of the least co-watched one and inherits
 * its count plus one (the Space-Saving sketch of Metwally et al.): a title co-watched
 * often enough always gets in, and any count is over by at most the smallest count kept.
 *
 * @param watchers profiles that watched the title
 * @param neighbours co-watched title to profiles that watched both
 */
public record CoWatch(long watchers, Map<String, Long> neighbours) {

	public CoWatch {
		neighbours = (neighbours != null) ? neighbours : Map.of();
	}

	public static CoWatch none() {
		return new CoWatch(0, Map.of());
	}

	public CoWatch watchedOnce() {
		return new CoWatch(this.watchers + 1, this.neighbours);
	}

	public CoWatch with(String neighbour, int bound) {
		Map<String, Long> next = new HashMap<>(this.neighbours);
		Long count = next.get(neighbour);
		if (count != null) {
			next.put(neighbour, count + 1);
		}
		else if (next.size() < bound) {
			next.put(neighbour, 1L);
		}
		else {
			Map.Entry<String, Long> least = next.entrySet()
				.stream()
				.min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
				.orElseThrow();
			next.remove(least.getKey());
			next.put(neighbour, least.getValue() + 1);
		}
		return new CoWatch(this.watchers, next);
	}

}
