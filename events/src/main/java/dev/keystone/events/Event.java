package dev.keystone.events;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A device event as it travels on {@code events.raw}. {@code receivedAt} and
 * {@code ingestId} are stamped by ingest; everything else comes from the device,
 * normalised by {@link EventValidator}. {@code name} is set for {@code custom} events
 * only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(String eventId, EventType type, Instant timestamp, String deviceId, DeviceType deviceType,
		String profileId, String sessionId, String titleId, Long positionMs, String country, String appVersion,
		Map<String, Object> properties, Instant receivedAt, String ingestId, String name) {

	/** An event of one of the built-in types, which carry no {@code name}. */
	public Event(String eventId, EventType type, Instant timestamp, String deviceId, DeviceType deviceType,
			String profileId, String sessionId, String titleId, Long positionMs, String country, String appVersion,
			Map<String, Object> properties, Instant receivedAt, String ingestId) {
		this(eventId, type, timestamp, deviceId, deviceType, profileId, sessionId, titleId, positionMs, country,
				appVersion, properties, receivedAt, ingestId, null);
	}

	public Event withIngest(String eventId, Instant receivedAt, String ingestId) {
		return new Event(eventId, this.type, this.timestamp, this.deviceId, this.deviceType, this.profileId,
				this.sessionId, this.titleId, this.positionMs, this.country, this.appVersion, this.properties,
				receivedAt, ingestId, this.name);
	}

}
