package dev.keystone.recommendation.watching;

import java.time.Instant;
import java.util.List;

import dev.keystone.events.EventType;

/**
 * A playback event of a profile, with what the catalog knows of its title.
 *
 * @param durationMs null when the catalog does not know the title or its length
 */
public record Playback(String profileId, String titleId, EventType type, Instant timestamp, long positionMs,
		String country, String name, List<String> genres, Long durationMs) {

}
