package dev.keystone.processing.cleansing;

import java.time.Instant;

/**
 * Records as ingest writes them to {@code events.raw}.
 */
final class RawEvents {

	private RawEvents() {
	}

	static String playStart(String eventId, Instant timestamp, Instant receivedAt, String titleId) {
		return """
				{"eventId": "%s", "type": "play_start", "timestamp": "%s", "deviceId": "d1", "deviceType": "TV",
				 "sessionId": "s1", "titleId": "%s", "country": "de", "receivedAt": "%s", "ingestId": "i1"}"""
			.formatted(eventId, timestamp, titleId, receivedAt);
	}

	static String click(String eventId, Instant timestamp, Instant receivedAt) {
		return """
				{"eventId": "%s", "type": "click", "timestamp": %d, "deviceId": "d1", "deviceType": "phone",
				 "receivedAt": "%s", "ingestId": "i1"}""".formatted(eventId, timestamp.toEpochMilli(), receivedAt);
	}

	static String clickWithoutReceivedAt(String eventId, Instant timestamp) {
		return """
				{"eventId": "%s", "type": "click", "timestamp": "%s", "deviceId": "d1"}""".formatted(eventId,
				timestamp);
	}

}
