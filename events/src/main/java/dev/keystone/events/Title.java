package dev.keystone.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Title metadata on the compacted {@code catalog.titles} topic, keyed by {@code titleId}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Title(String titleId, String name, List<String> genres, Long durationMs, Integer releaseYear) {

	public EnrichedEvent.TitleRef ref() {
		return new EnrichedEvent.TitleRef(this.name, (this.genres != null) ? this.genres : List.of());
	}

}
