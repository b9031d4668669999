package dev.keystone.recommendation.watching;

import java.time.Instant;
import java.util.List;

/**
 * A profile's progress in one title.
 *
 * @param progressMs the furthest position reported
 * @param lastWatchedAt the newest playback event's time
 * @param lastStartedAt the time of the start last counted for trending
 */
public record TitleProgress(String titleId, String name, List<String> genres, long progressMs, Long durationMs,
		Instant lastWatchedAt, Instant lastStartedAt, boolean watched, boolean finished) {

	public TitleProgress {
		genres = (genres != null) ? genres : List.of();
	}

}
