package dev.keystone.bench;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Raw events as ingest-service writes them to {@code events.raw}: the device's event plus
 * {@code receivedAt} and {@code ingestId}, keyed by {@code deviceId}. A fixed audience of
 * session slots watches titles of skewed popularity (a few hits, a long tail); each slot
 * starts a new session on another title every three minutes, at its own phase, so every
 * window sees sessions begin and end. Nine events in ten belong to a session (mostly
 * heartbeats), the rest are browsing events without one. Every event is valid, so all of
 * them pass cleansing.
 */
final class RawEvents {

	static final int TITLES = 200;

	private static final long SESSION_MILLIS = 180_000;

	private static final String[] PLAYBACK_TYPES = { "heartbeat", "heartbeat", "heartbeat", "heartbeat", "heartbeat",
			"heartbeat", "heartbeat", "heartbeat", "play_start", "play_pause", "play_resume", "seek", "buffering_start",
			"buffering_end", "play_stop", "playback_error" };

	private static final String[] BROWSING_TYPES = { "click", "click", "scroll", "search", "app_start", "app_stop" };

	private static final String[] DEVICE_TYPES = { "tv", "tv", "phone", "tablet", "browser", "console", "set_top_box" };

	private static final String[] COUNTRIES = { "DE", "US", "GB", "FR", "BR", "JP", "IN", "SE" };

	/** Cumulative popularity of the titles, Zipf-like with exponent 0.8. */
	private static final double[] POPULARITY = popularity();

	private final SplittableRandom random;

	private final int slots;

	private final String run;

	/** One event, as it is written to the topic. */
	record Raw(String deviceId, long receivedAtMillis, String json) {

	}

	/**
	 * @param slots concurrent viewers (one session at a time each)
	 * @param run prefix of the event and ingest ids, unique per run
	 * @param seed seed of the event mix
	 */
	RawEvents(int slots, String run, long seed) {
		this.slots = slots;
		this.run = run;
		this.random = new SplittableRandom(seed);
	}

	static String titleId(int title) {
		return "title-" + title;
	}

	/**
	 * The {@code n}th event of the run, sent by a device at {@code eventTime} and
	 * received by ingest at {@code receivedAt}.
	 */
	Raw event(long n, long eventTime, long receivedAt) {
		int slot = this.random.nextInt(this.slots);
		long phase = (slot * 7919L) % SESSION_MILLIS;
		long generation = (eventTime + phase) / SESSION_MILLIS;
		String deviceType = DEVICE_TYPES[slot % DEVICE_TYPES.length];
		String deviceId = deviceType + "-" + slot;
		boolean playback = this.random.nextInt(10) != 0;
		StringBuilder json = new StringBuilder(360).append("{\"eventId\":\"")
			.append(this.run)
			.append('-')
			.append(n)
			.append("\",\"type\":\"")
			.append(playback ? PLAYBACK_TYPES[this.random.nextInt(PLAYBACK_TYPES.length)]
					: BROWSING_TYPES[this.random.nextInt(BROWSING_TYPES.length)])
			.append("\",\"timestamp\":\"")
			.append(Instant.ofEpochMilli(eventTime))
			.append("\",\"deviceId\":\"")
			.append(deviceId)
			.append("\",\"deviceType\":\"")
			.append(deviceType)
			.append("\",\"profileId\":\"p-")
			.append(slot)
			.append('"');
		if (playback) {
			json.append(",\"sessionId\":\"s-")
				.append(slot)
				.append('-')
				.append(generation)
				.append("\",\"titleId\":\"")
				.append(titleId(title(slot, generation)))
				.append("\",\"positionMs\":")
				.append((eventTime + phase) % SESSION_MILLIS * 20);
		}
		json.append(",\"country\":\"")
			.append(COUNTRIES[slot % COUNTRIES.length])
			.append("\",\"appVersion\":\"7.4.")
			.append(slot % 12)
			.append("\",\"properties\":{\"cdn\":\"edge-")
			.append(this.random.nextInt(16))
			.append("\"},\"receivedAt\":\"")
			.append(Instant.ofEpochMilli(receivedAt))
			.append("\",\"ingestId\":\"")
			.append(this.run)
			.append("-i")
			.append(n / 100)
			.append(':')
			.append(n % 100)
			.append("\"}");
		return new Raw(deviceId, receivedAt, json.toString());
	}

	/** The title one session of a slot watches: the same for the whole session. */
	private static int title(int slot, long generation) {
		double u = new SplittableRandom(slot * 1_000_003L + generation).nextDouble();
		for (int t = 0; t < POPULARITY.length; t++) {
			if (u < POPULARITY[t]) {
				return t;
			}
		}
		return POPULARITY.length - 1;
	}

	private static double[] popularity() {
		double[] cumulative = new double[TITLES];
		double sum = 0;
		for (int t = 0; t < TITLES; t++) {
			sum += 1 / Math.pow(t + 1, 0.8);
			cumulative[t] = sum;
		}
		for (int t = 0; t < TITLES; t++) {
			cumulative[t] /= sum;
		}
		return cumulative;
	}

}
