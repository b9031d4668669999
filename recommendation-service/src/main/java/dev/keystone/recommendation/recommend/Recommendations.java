package dev.keystone.recommendation.recommend;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/recommendations/{profileId}}.
 */
public record Recommendations(String profileId, Instant generatedAt, List<Item> items) {

	public record Item(String titleId, String name, double score, Reason reason) {

	}

}
