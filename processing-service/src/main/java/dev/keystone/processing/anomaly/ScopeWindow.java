package dev.keystone.processing.anomaly;

import dev.keystone.processing.windowing.ClosedWindow;

/**
 * The counts of one scope in one closed window, from which every metric is computed.
 *
 * @param viewers distinct playback sessions
 * @param errorSessions playback sessions with a {@code playback_error}
 * @param bufferingSessions playback sessions with a {@code buffering_start}
 */
record ScopeWindow(long viewers, long events, long errorSessions, long bufferingSessions, long crashes) {

	/** A minute in which the scope had no events. */
	static final ScopeWindow EMPTY = new ScopeWindow(0, 0, 0, 0, 0);

	/** A closed window of {@link ScopeSeries#ONE_MINUTE}. */
	static ScopeWindow of(ClosedWindow window) {
		return new ScopeWindow(window.sessions(), window.count(ScopeSeries.EVENTS),
				window.count(ScopeSeries.ERROR_SESSIONS), window.count(ScopeSeries.BUFFERING_SESSIONS),
				window.count(ScopeSeries.CRASHES));
	}

	/**
	 * The share of the window's playback sessions in a subset of them, in [0, 1]. The
	 * subset is exact; above its exact limit the session count is a sketch's estimate,
	 * which may fall a little short of the subset, hence the bound.
	 */
	double shareOfSessions(long subset) {
		return Math.min(1.0, (double) subset / this.viewers);
	}

}
