package dev.keystone.ingest.segment;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.keystone.events.EventType;

/**
 * The track events of Segment's Video Spec that Keystone counts as playback, by their
 * name. Names are matched regardless of case, as SDK users type them by hand.
 */
final class VideoSpec {

	private static final Map<String, EventType> PLAYBACK = Map.ofEntries(
			Map.entry("video playback started", EventType.PLAY_START),
			Map.entry("video playback paused", EventType.PLAY_PAUSE),
			Map.entry("video playback resumed", EventType.PLAY_RESUME),
			Map.entry("video playback completed", EventType.PLAY_STOP),
			Map.entry("video playback exited", EventType.PLAY_STOP),
			Map.entry("video content playing", EventType.HEARTBEAT),
			Map.entry("video playback buffer started", EventType.BUFFERING_START),
			Map.entry("video playback buffer completed", EventType.BUFFERING_END),
			Map.entry("video playback seek completed", EventType.SEEK),
			Map.entry("video playback interrupted", EventType.PLAYBACK_ERROR));

	private VideoSpec() {
	}

	static Optional<EventType> playbackType(String event) {
		return Optional.ofNullable(PLAYBACK.get(event.trim().toLowerCase(Locale.ROOT)));
	}

}
