package dev.keystone.processing.anomaly;

/**
 * The metrics watched per scope, and which way of leaving the baseline is bad. The error
 * rate and the buffering ratio are shares of the minute's playback sessions, from 0 to 1:
 * the sessions that had a {@code playback_error}, and those that had a
 * {@code buffering_start}, however many of them each had.
 */
enum Metric {

	ERROR_RATE("error_rate", true, false), BUFFERING_RATIO("buffering_ratio", true, false),
	CRASHES("crashes", false, false), ACTIVE_VIEWERS("active_viewers", false, true);

	private final String wireName;

	private final boolean ratio;

	private final boolean dropIsBad;

	Metric(String wireName, boolean ratio, boolean dropIsBad) {
		this.wireName = wireName;
		this.ratio = ratio;
		this.dropIsBad = dropIsBad;
	}

	String wireName() {
		return this.wireName;
	}

	boolean isRatio() {
		return this.ratio;
	}

	/** Fewer viewers is the problem; more errors, buffering or crashes are. */
	boolean isDropBad() {
		return this.dropIsBad;
	}

}
