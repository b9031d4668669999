package dev.keystone.processing.viewers;

import java.time.Instant;

/**
 * Raw events as ingest writes them, received the moment they happened.
 */
final class PlaybackEvents {

	private PlaybackEvents() {
	}

	static String playback(String type, String titleId, String sessionId, Instant timestamp) {
		return """
				{"eventId": "%s-%s-%s", "type": "%s", "timestamp": "%s", "deviceId": "d-%s", "deviceType": "tv",
				 "sessionId": "%s", "titleId": "%s", "receivedAt": "%s", "ingestId": "i1"}""".formatted(sessionId, type,
				timestamp.toEpochMilli(), type, timestamp, sessionId, sessionId, titleId, timestamp);
	}

	static String click(Instant timestamp) {
		return """
				{"eventId": "c-%d", "type": "click", "timestamp": "%s", "deviceId": "d-click", "deviceType": "phone",
				 "receivedAt": "%s", "ingestId": "i1"}""".formatted(timestamp.toEpochMilli(), timestamp, timestamp);
	}

	/**
	 * A client's own event that happens to name a title and session, as SDKs often do.
	 */
	static String custom(String name, String titleId, String sessionId, Instant timestamp) {
		return """
				{"eventId": "x-%d", "type": "custom", "name": "%s", "timestamp": "%s", "deviceId": "d-custom",
				 "sessionId": "%s", "titleId": "%s", "receivedAt": "%s", "ingestId": "i1"}"""
			.formatted(timestamp.toEpochMilli(), name, timestamp, sessionId, titleId, timestamp);
	}

}
