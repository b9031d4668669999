package dev.keystone.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A web player's events as Segment's browser SDK would send them: Video Spec track calls
 * for playback and named track calls for the rest, in a {@code /v1/batch} body with the
 * write key in it, so the demo shows Segment traffic beside native devices.
 */
final class SegmentMessages {

	private static final Map<String, String> VIDEO_SPEC = Map.of("play_start", "Video Playback Started", "play_pause",
			"Video Playback Paused", "play_resume", "Video Playback Resumed", "play_stop", "Video Playback Completed",
			"heartbeat", "Video Content Playing", "buffering_start", "Video Playback Buffer Started", "buffering_end",
			"Video Playback Buffer Completed", "seek", "Video Playback Seek Completed", "playback_error",
			"Video Playback Interrupted");

	private static final Map<String, String> OTHER = Map.of("app_start", "Application Opened", "app_stop",
			"Application Backgrounded", "crash", "Application Crashed", "click", "Element Clicked", "scroll",
			"Page Scrolled", "search", "Products Searched");

	private static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0 Safari/537.36";

	private SegmentMessages() {
	}

	static Map<String, Object> batch(List<Map<String, Object>> events, String writeKey, String sentAt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("batch", events.stream().map((event) -> message(event, writeKey)).toList());
		body.put("sentAt", sentAt);
		if (writeKey != null) {
			body.put("writeKey", writeKey);
		}
		return body;
	}

	static Map<String, Object> message(Map<String, Object> event, String writeKey) {
		String type = (String) event.get("type");
		boolean playback = VIDEO_SPEC.containsKey(type);
		Map<String, Object> properties = new LinkedHashMap<>();
		if (event.get("properties") instanceof Map<?, ?> own) {
			own.forEach((key, value) -> properties.put(String.valueOf(key), value));
		}
		if (playback) {
			properties.put("session_id", event.get("sessionId"));
			properties.put("content_asset_id", event.get("titleId"));
			if (event.get("positionMs") instanceof Number position) {
				properties.put("position", position.longValue() / 1000.0);
			}
		}
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("type", "track");
		message.put("event", playback ? VIDEO_SPEC.get(type) : OTHER.getOrDefault(type, type));
		message.put("messageId", event.get("eventId"));
		message.put("anonymousId", event.get("deviceId"));
		message.put("userId", event.get("profileId"));
		message.put("timestamp", event.get("timestamp"));
		message.put("properties", properties);
		message.put("context",
				Map.of("userAgent", USER_AGENT, "locale", "en-" + event.get("country"), "app",
						Map.of("version", event.get("appVersion")), "library",
						Map.of("name", "analytics.js", "version", "next-1.84.3")));
		if (writeKey != null) {
			message.put("writeKey", writeKey);
		}
		return message;
	}

}
