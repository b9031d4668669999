package dev.keystone.simulator;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentMessagesTests {

	@Test
	void sendsPlaybackAsVideoSpecTrackCallsWithSessionTitleAndPositionInSeconds() {
		Map<String, Object> message = SegmentMessages.message(event("play_start"), "key-1");

		assertThat(message).containsEntry("type", "track")
			.containsEntry("event", "Video Playback Started")
			.containsEntry("messageId", "e-1")
			.containsEntry("anonymousId", "sim-7")
			.containsEntry("userId", "profile-3")
			.containsEntry("writeKey", "key-1");
		assertThat(message.get("properties")).isEqualTo(Map.of("cdn", "edge-1", "session_id", "s-1", "content_asset_id",
				"stranger-things-1", "position", 12.5));
		assertThat(message.get("context")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("locale", "en-DE");
	}

	@Test
	void namesOtherEventsAsTrackCallsThatStayCustom() {
		assertThat(SegmentMessages.message(event("app_start"), null)).containsEntry("event", "Application Opened")
			.doesNotContainKey("writeKey");
		assertThat(SegmentMessages.message(event("crash"), null).get("properties")).isEqualTo(Map.of("cdn", "edge-1"));
	}

	@Test
	void wrapsMessagesInABatchWithTheSendingTime() {
		Map<String, Object> batch = SegmentMessages.batch(List.of(event("heartbeat")), "key-1", "2025-01-31T20:15:10Z");

		assertThat(batch).containsEntry("sentAt", "2025-01-31T20:15:10Z").containsEntry("writeKey", "key-1");
		assertThat((List<?>) batch.get("batch")).hasSize(1);
	}

	private static Map<String, Object> event(String type) {
		return Map.ofEntries(Map.entry("eventId", "e-1"), Map.entry("type", type),
				Map.entry("timestamp", "2025-01-31T20:15:00Z"), Map.entry("deviceId", "sim-7"),
				Map.entry("deviceType", "browser"), Map.entry("profileId", "profile-3"), Map.entry("sessionId", "s-1"),
				Map.entry("titleId", "stranger-things-1"), Map.entry("positionMs", 12_500L), Map.entry("country", "DE"),
				Map.entry("appVersion", "7.1.0"), Map.entry("properties", Map.of("cdn", "edge-1")));
	}

}
