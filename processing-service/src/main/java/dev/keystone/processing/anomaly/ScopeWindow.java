package dev.keystone.processing.anomaly;

import dev.keystone.processing.windowing.Series;

/**
 * The counts of one scope in one closed window, from which every metric is computed. The
 * layout is that of {@link Series#SCOPE_1M}, filled by {@link ScopeContributor}.
 */
record ScopeWindow(long[] counts) {

	static final int EVENTS = 1;

	static final int PLAYBACK_EVENTS = 2;

	static final int PLAY_STARTS = 3;

	static final int PLAYBACK_ERRORS = 4;

	static final int BUFFERING_STARTS = 5;

	static final int CRASHES = 6;

	static ScopeWindow of(long viewers, long events, long playbackEvents, long playStarts, long playbackErrors,
			long bufferingStarts, long crashes) {
		return new ScopeWindow(
				new long[] { viewers, events, playbackEvents, playStarts, playbackErrors, bufferingStarts, crashes });
	}

	long events() {
		return this.counts[EVENTS];
	}

	long playbackEvents() {
		return this.counts[PLAYBACK_EVENTS];
	}

	long playStarts() {
		return this.counts[PLAY_STARTS];
	}

	long playbackErrors() {
		return this.counts[PLAYBACK_ERRORS];
	}

	long bufferingStarts() {
		return this.counts[BUFFERING_STARTS];
	}

	long crashes() {
		return this.counts[CRASHES];
	}

	long viewers() {
		return this.counts[Series.SESSIONS];
	}

}
