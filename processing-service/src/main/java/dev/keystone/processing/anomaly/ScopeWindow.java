package dev.keystone.processing.anomaly;

import dev.keystone.processing.windowing.Series;

/**
 * The counts of one scope in one closed window, from which every metric is computed. The
 * layout is that of {@link Series#SCOPE_1M}, filled by {@link ScopeContributor}.
 */
record ScopeWindow(long[] counts) {

	static final int EVENTS = 1;

	/** Playback sessions with a {@code playback_error} in the window. */
	static final int ERROR_SESSIONS = 2;

	/** Playback sessions with a {@code buffering_start} in the window. */
	static final int BUFFERING_SESSIONS = 3;

	static final int CRASHES = 4;

	long events() {
		return this.counts[EVENTS];
	}

	long errorSessions() {
		return this.counts[ERROR_SESSIONS];
	}

	long bufferingSessions() {
		return this.counts[BUFFERING_SESSIONS];
	}

	long crashes() {
		return this.counts[CRASHES];
	}

	/** Distinct playback sessions in the window. */
	long viewers() {
		return this.counts[Series.SESSIONS];
	}

	/**
	 * The share of the window's playback sessions in a subset of them, in [0, 1]. The
	 * subset is exact; above its exact limit the session count is a sketch's estimate,
	 * which may fall a little short of the subset, hence the bound.
	 */
	double shareOfSessions(long subset) {
		return Math.min(1.0, (double) subset / viewers());
	}

}
