package dev.keystone.recommendation.titles;

import java.util.List;
import java.util.Map;

/**
 * What a profile's recommendations are picked from, read in one request to the instance
 * holding the title stores.
 *
 * @param similar per title the profile watched, the titles most similar to it
 * @param trending trending titles overall
 * @param popular per genre, its most watched titles
 */
public record Candidates(Map<String, List<Ranked>> similar, List<Ranked> trending, Map<String, List<Ranked>> popular) {

	public Candidates {
		similar = (similar != null) ? similar : Map.of();
		trending = (trending != null) ? trending : List.of();
		popular = (popular != null) ? popular : Map.of();
	}

}
