package dev.keystone.processing.viewers;

import java.time.Instant;

/**
 * Records as cleansing writes them to {@code events.enriched}.
 */
final class EnrichedEvents {

	private EnrichedEvents() {
	}

	static String playback(String type, String titleId, String sessionId, Instant timestamp) {
		return """
				{"eventId": "%s-%s-%s", "type": "%s", "timestamp": "%s", "deviceId": "d-%s", "deviceType": "tv",
				 "sessionId": "%s", "titleId": "%s", "title": null, "deviceClass": "tv", "processedAt": "%s"}"""
			.formatted(sessionId, type, timestamp.toEpochMilli(), type, timestamp, sessionId, sessionId, titleId,
					timestamp);
	}

	static String click(Instant timestamp) {
		return """
				{"eventId": "c-%d", "type": "click", "timestamp": "%s", "deviceId": "d-click", "deviceType": "phone",
				 "title": null, "deviceClass": "mobile", "processedAt": "%s"}""".formatted(timestamp.toEpochMilli(),
				timestamp, timestamp);
	}

}
