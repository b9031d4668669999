package dev.keystone.recommendation.watching;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/profiles/{profileId}/continue-watching}: titles started
 * and not finished, newest first.
 */
public record ContinueWatching(String profileId, List<Item> items) {

	public record Item(String titleId, String name, long positionMs, Long durationMs, Instant lastWatchedAt) {

	}

	static ContinueWatching of(ProfileHistory history) {
		return new ContinueWatching(history.profileId(),
				history.inProgress()
					.stream()
					.map((title) -> new Item(title.titleId(), title.name(), title.progressMs(), title.durationMs(),
							title.lastWatchedAt()))
					.toList());
	}

}
