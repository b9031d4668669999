package dev.keystone.ingest.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Event payloads as devices send them, each with its own device id so tests can find
 * their own records.
 */
final class Events {

	private Events() {
	}

	static String deviceId() {
		return "dev-" + UUID.randomUUID();
	}

	static String playStart(String deviceId, String sessionId, String titleId) {
		return """
				{"type": "play_start", "timestamp": "%s", "deviceId": "%s", "deviceType": "tv",
				 "sessionId": "%s", "titleId": "%s", "country": "DE"}""".formatted(Instant.now(), deviceId, sessionId,
				titleId);
	}

	static String click(String deviceId) {
		return "{\"type\": \"click\", \"timestamp\": %d, \"deviceId\": \"%s\"}".formatted(System.currentTimeMillis(),
				deviceId);
	}

	static String array(String... events) {
		return "[" + String.join(",", events) + "]";
	}

}
