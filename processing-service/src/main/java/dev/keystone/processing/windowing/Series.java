package dev.keystone.processing.windowing;

import java.time.Duration;

/**
 * The kinds of window the pipeline keeps. Each sums a fixed number of counters per key;
 * counter {@link #SESSIONS} is always the number of distinct sessions, the rest are plain
 * sums of what each event contributes.
 */
public enum Series {

	/** Viewers per title (and {@code _all}): sessions, playback events. */
	VIEWERS_10S("10s", Duration.ofSeconds(10), 2),

	/** Viewers per title (and {@code _all}): sessions, playback events. */
	VIEWERS_1M("1m", Duration.ofMinutes(1), 2),

	/** Anomaly signals per scope; the counters are laid out by the anomaly detection. */
	SCOPE_1M("1m", Duration.ofMinutes(1), 7);

	/** The index of the distinct-session count in every series' counters. */
	public static final int SESSIONS = 0;

	/** The smallest window size; lateness and watermarks move in its steps. */
	static final long STEP_MS = Duration.ofSeconds(10).toMillis();

	private final String label;

	private final long sizeMs;

	private final int counters;

	Series(String label, Duration size, int counters) {
		this.label = label;
		this.sizeMs = size.toMillis();
		this.counters = counters;
	}

	public String label() {
		return this.label;
	}

	public int counters() {
		return this.counters;
	}

	long start(long time) {
		return Math.floorDiv(time, this.sizeMs) * this.sizeMs;
	}

	public long sizeMs() {
		return this.sizeMs;
	}

	static Series of(int ordinal) {
		return values()[ordinal];
	}

}
