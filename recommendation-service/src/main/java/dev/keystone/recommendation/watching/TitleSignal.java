package dev.keystone.recommendation.watching;

import java.time.Instant;
import java.util.List;

/**
 * What a profile's playback means for the titles: a counted start (trending) or a new
 * watch with the titles watched before it (similar titles).
 *
 * @param others for a watch, the profile's earlier watches, most recent first
 */
public record TitleSignal(Kind kind, String titleId, List<String> genres, String country, Instant at,
		List<String> others) {

	public TitleSignal {
		genres = (genres != null) ? genres : List.of();
		others = (others != null) ? others : List.of();
	}

	public enum Kind {

		STARTED, WATCHED

	}

}
