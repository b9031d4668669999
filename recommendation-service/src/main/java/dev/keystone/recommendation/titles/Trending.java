package dev.keystone.recommendation.titles;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/trending}.
 *
 * @param items by time-decayed distinct profiles starting playback; {@code viewers} is
 * the starts counted, each profile once per title and half-life
 */
public record Trending(Instant generatedAt, List<Item> items) {

	public record Item(String titleId, String name, double score, long viewers) {

	}

}
