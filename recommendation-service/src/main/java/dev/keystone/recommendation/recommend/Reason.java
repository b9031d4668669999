package dev.keystone.recommendation.recommend;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a title is recommended.
 *
 * @param titleId for {@code because_you_watched}, the watched title; null otherwise
 * @param genre for {@code popular_in_genre}, the genre; null otherwise
 */
public record Reason(Kind kind, String titleId, String genre, String text) {

	public enum Kind {

		BECAUSE_YOU_WATCHED("because_you_watched"), TRENDING("trending"), POPULAR_IN_GENRE("popular_in_genre");

		private final String wire;

		Kind(String wire) {
			this.wire = wire;
		}

		@JsonValue
		public String wire() {
			return this.wire;
		}

	}

}
