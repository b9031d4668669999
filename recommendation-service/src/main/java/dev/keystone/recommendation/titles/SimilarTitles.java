package dev.keystone.recommendation.titles;

import java.util.List;

/**
 * The answer of {@code GET /v1/titles/{titleId}/similar}.
 *
 * @param items by damped cosine similarity over the profiles that watched them
 */
public record SimilarTitles(String titleId, List<Item> items) {

	public record Item(String titleId, String name, double score) {

	}

}
