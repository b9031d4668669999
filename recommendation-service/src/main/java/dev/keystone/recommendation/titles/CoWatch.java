package dev.keystone.recommendation.titles;

import java.util.HashMap;
import java.util.Map;

/**
 * How many profiles watched a title, and with which other titles, in bounded memory.
 * <p>
 * Past the bound a new neighbour takes the place of the least co-watched one, starting at
 * one. The titles often watched together, which similar titles are made of, keep exact
 * counts; the long tail of pairs seen once or twice takes turns in the last places.
 * (Space-Saving, where the newcomer inherits the evicted count, keeps no tail: with
 * hundreds of distinct neighbours per title, every count it kept converged to the same
 * inflated value and the similar titles were noise.)
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
			next.put(neighbour, 1L);
		}
		return new CoWatch(this.watchers, next);
	}

}
