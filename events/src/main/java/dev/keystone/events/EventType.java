package dev.keystone.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a device reports. Playback types belong to a viewing session of one title.
 */
public enum EventType {

	APP_START(false), APP_STOP(false), PLAY_START(true), PLAY_PAUSE(true), PLAY_RESUME(true), PLAY_STOP(true),
	HEARTBEAT(true), SEEK(true), BUFFERING_START(true), BUFFERING_END(true), PLAYBACK_ERROR(true), CLICK(false),
	SCROLL(false), SEARCH(false), CRASH(false),
	/** The client's own event, named by the event's {@code name}; never playback. */
	CUSTOM(false);

	private final boolean playback;

	EventType(boolean playback) {
		this.playback = playback;
	}

	public boolean isPlayback() {
		return this.playback;
	}

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Lenient on case and surrounding blanks, as devices in the field are. */
	public static Optional<EventType> fromWire(String value) {
		String normalized = value.trim().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter((type) -> type.name().equals(normalized)).findFirst();
	}

}
