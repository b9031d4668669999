package dev.keystone.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A cleansed event on {@code events.enriched}: the event plus its title, device class and
 * processing time. {@code title} is null, and written as such, for titles the catalog
 * does not know. {@code late} is true for an event that arrived after its windows had
 * closed (stored, but in no window count), and absent otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrichedEvent(String eventId, EventType type, Instant timestamp, String deviceId, DeviceType deviceType,
		String profileId, String sessionId, String titleId, Long positionMs, String country, String appVersion,
		Map<String, Object> properties, Instant receivedAt, String ingestId,
		@JsonInclude(JsonInclude.Include.ALWAYS) TitleRef title, DeviceClass deviceClass, Instant processedAt,
		String name, Boolean late) {

	public static EnrichedEvent of(Event event, TitleRef title, Instant processedAt) {
		return of(event, title, processedAt, false);
	}

	public static EnrichedEvent of(Event event, TitleRef title, Instant processedAt, boolean late) {
		DeviceType deviceType = (event.deviceType() != null) ? event.deviceType() : DeviceType.OTHER;
		return new EnrichedEvent(event.eventId(), event.type(), event.timestamp(), event.deviceId(), deviceType,
				event.profileId(), event.sessionId(), event.titleId(), event.positionMs(), event.country(),
				event.appVersion(), event.properties(), event.receivedAt(), event.ingestId(), title,
				deviceType.deviceClass(), processedAt, event.name(), late ? Boolean.TRUE : null);
	}

	/**
	 * The part of a title that enrichment copies onto each event.
	 */
	public record TitleRef(String name, List<String> genres) {

	}

}
