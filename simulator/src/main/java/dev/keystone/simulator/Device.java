package dev.keystone.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * One simulated device: a small state machine that opens the app, browses, watches a
 * title with heartbeats, pauses, seeks, buffers, sometimes fails, and stops or crashes.
 * Each call to {@link #next} is its next event.
 */
final class Device {

	private static final String[] TYPES = { "tv", "tv", "tv", "phone", "phone", "tablet", "browser", "browser",
			"console", "set_top_box", "other" };

	private static final String[] COUNTRIES = { "US", "US", "US", "GB", "DE", "FR", "BR", "BR", "IN", "JP", "MX", "CA",
			"ES", "KR" };

	private enum State {

		OFF, BROWSING, PLAYING, PAUSED, BUFFERING, CLOSING

	}

	private final String deviceId;

	private final String deviceType;

	private final String country;

	private final String profileId;

	private final String appVersion;

	private final Taste taste;

	private String lastTitleId;

	private State state = State.OFF;

	private int browsesLeft;

	private int heartbeatsLeft;

	private String sessionId;

	private String titleId;

	private long positionMs;

	Device(int index, Random random) {
		this.deviceId = "sim-" + index;
		this.deviceType = TYPES[random.nextInt(TYPES.length)];
		this.country = COUNTRIES[random.nextInt(COUNTRIES.length)];
		this.profileId = "profile-" + (index / 2);
		this.appVersion = "7." + random.nextInt(4) + "." + random.nextInt(10);
		this.taste = Taste.of(this.profileId);
	}

	String deviceId() {
		return this.deviceId;
	}

	Map<String, Object> next(Instant now, Duration sinceStart, Optional<Incident> incident, Random random) {
		boolean hit = incident.filter((i) -> i.activeAt(sinceStart))
			.filter((i) -> i.affects(this.titleId, this.country, this.deviceType))
			.isPresent();
		Incident.Kind kind = incident.map(Incident::kind).orElse(null);
		return switch (this.state) {
			case OFF -> appStart(now, random);
			case BROWSING -> browse(now, random);
			case PLAYING -> play(now, random, hit ? kind : null);
			case PAUSED -> playback(now, "play_resume", State.PLAYING);
			case BUFFERING -> playback(now, "buffering_end", State.PLAYING);
			case CLOSING -> appStop(now);
		};
	}

	private Map<String, Object> appStart(Instant now, Random random) {
		this.state = State.BROWSING;
		this.browsesLeft = 1 + random.nextInt(4);
		return event(now, "app_start");
	}

	private Map<String, Object> browse(Instant now, Random random) {
		if (this.browsesLeft-- > 0) {
			String[] kinds = { "click", "scroll", "scroll", "search" };
			Map<String, Object> event = event(now, kinds[random.nextInt(kinds.length)]);
			if ("search".equals(event.get("type"))) {
				event.put("properties", Map.of("query", DemoCatalog.pick(random).name().split(" ")[0].toLowerCase()));
			}
			return event;
		}
		DemoCatalog.DemoTitle title = this.taste.next(this.lastTitleId, random);
		this.lastTitleId = title.titleId();
		this.sessionId = UUID.randomUUID().toString();
		this.titleId = title.titleId();
		this.positionMs = random.nextInt(4) == 0 ? random.nextLong(title.durationMs() / 2) : 0;
		this.heartbeatsLeft = 10 + random.nextInt(120);
		return playback(now, "play_start", State.PLAYING);
	}

	private Map<String, Object> play(Instant now, Random random, Incident.Kind incident) {
		double errorChance = (incident == Incident.Kind.ERRORS) ? 0.25 : 0.002;
		double bufferingChance = (incident == Incident.Kind.BUFFERING) ? 0.4 : 0.02;
		double crashChance = (incident == Incident.Kind.CRASHES) ? 0.2 : 0.0005;
		double roll = random.nextDouble();
		if (roll < crashChance) {
			Map<String, Object> crash = event(now, "crash");
			crash.put("properties", Map.of("signal", "SIGSEGV"));
			this.state = State.OFF;
			return crash;
		}
		if (roll < crashChance + errorChance) {
			Map<String, Object> error = playback(now, "playback_error", State.BROWSING);
			error.put("properties", Map.of("code", "E" + (1000 + random.nextInt(20))));
			this.browsesLeft = 1;
			return error;
		}
		if (roll < crashChance + errorChance + bufferingChance) {
			return playback(now, "buffering_start", State.BUFFERING);
		}
		if (roll < crashChance + errorChance + bufferingChance + 0.02) {
			return playback(now, "play_pause", State.PAUSED);
		}
		if (roll < crashChance + errorChance + bufferingChance + 0.04) {
			this.positionMs += random.nextInt(120_000);
			return playback(now, "seek", State.PLAYING);
		}
		if (this.heartbeatsLeft-- <= 0) {
			Map<String, Object> stop = playback(now, "play_stop", State.BROWSING);
			this.browsesLeft = random.nextInt(3);
			if (random.nextInt(3) == 0) {
				this.state = State.CLOSING;
			}
			return stop;
		}
		this.positionMs += 5_000;
		return playback(now, "heartbeat", State.PLAYING);
	}

	private Map<String, Object> appStop(Instant now) {
		this.state = State.OFF;
		return event(now, "app_stop");
	}

	private Map<String, Object> playback(Instant now, String type, State next) {
		Map<String, Object> event = event(now, type);
		event.put("sessionId", this.sessionId);
		event.put("titleId", this.titleId);
		event.put("positionMs", this.positionMs);
		this.state = next;
		return event;
	}

	private Map<String, Object> event(Instant now, String type) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("eventId", UUID.randomUUID().toString());
		event.put("type", type);
		event.put("timestamp", now.toString());
		event.put("deviceId", this.deviceId);
		event.put("deviceType", this.deviceType);
		event.put("profileId", this.profileId);
		event.put("country", this.country);
		event.put("appVersion", this.appVersion);
		return event;
	}

}
