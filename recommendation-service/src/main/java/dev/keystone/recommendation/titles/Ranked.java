package dev.keystone.recommendation.titles;

/**
 * A title with its score in a ranking, and the count behind it.
 *
 * @param viewers distinct profiles behind the score: starts counted for trending,
 * profiles that watched both for similar titles
 */
public record Ranked(String titleId, double score, long viewers) {

}
