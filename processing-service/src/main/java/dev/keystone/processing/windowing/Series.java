package dev.keystone.processing.windowing;

import dev.keystone.events.Window;

/**
 * The kinds of window the pipeline keeps. Each sums a fixed number of counters per key;
 * counter {@link #SESSIONS} is always the number of distinct sessions. A series may name
 * further session counters: each counts the distinct sessions of the contributions that
 * mark it, a subset of {@link #SESSIONS}. The rest are plain sums of what each event
 * contributes.
 */
public enum Series {

	/** Viewers per title (and {@code _all}): sessions, playback events. */
	VIEWERS_10S(Window.TEN_SECONDS, 2),

	/** Viewers per title (and {@code _all}): sessions, playback events. */
	VIEWERS_1M(Window.ONE_MINUTE, 2),

	/**
	 * Anomaly signals per scope; the counters are laid out by the anomaly detection, with
	 * the sessions that hit an error and those that buffered in slots 2 and 3.
	 */
	SCOPE_1M(Window.ONE_MINUTE, 5, 2, 3);

	/** The index of the distinct-session count in every series' counters. */
	public static final int SESSIONS = 0;

	/** The smallest window size; lateness and watermarks move in its steps. */
	static final long STEP_MS = Window.TEN_SECONDS.duration().toMillis();

	private final String label;

	private final long sizeMs;

	private final int counters;

	private final int[] sessionSubsets;

	Series(Window window, int counters, int... sessionSubsets) {
		this.label = window.label();
		this.sizeMs = window.duration().toMillis();
		this.counters = counters;
		this.sessionSubsets = sessionSubsets;
	}

	public String label() {
		return this.label;
	}

	public int counters() {
		return this.counters;
	}

	/**
	 * Whether a counter counts distinct sessions: {@link #SESSIONS} or one of the series'
	 * subsets of it.
	 */
	boolean countsSessions(int counter) {
		if (counter == SESSIONS) {
			return true;
		}
		for (int subset : this.sessionSubsets) {
			if (subset == counter) {
				return true;
			}
		}
		return false;
	}

	/** The counters that count a subset of the sessions. */
	int[] sessionSubsets() {
		return this.sessionSubsets;
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
