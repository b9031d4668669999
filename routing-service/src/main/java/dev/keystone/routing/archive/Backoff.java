package dev.keystone.routing.archive;

import java.time.Duration;

/**
 * Growing pauses between commit attempts made while the consumer is idle, where no error
 * handler paces them.
 */
final class Backoff {

	private final long initialMillis;

	private final long maxMillis;

	private long pauseMillis;

	private long readyAt;

	Backoff(Duration initial, Duration max) {
		this.initialMillis = initial.toMillis();
		this.maxMillis = max.toMillis();
		this.pauseMillis = this.initialMillis;
	}

	boolean ready(long nowMillis) {
		return nowMillis >= this.readyAt;
	}

	/** Schedules the next attempt after a failure and says how long it waits. */
	Duration next(long nowMillis) {
		long pause = this.pauseMillis;
		this.readyAt = nowMillis + pause;
		this.pauseMillis = Math.min(this.maxMillis, pause * 2);
		return Duration.ofMillis(pause);
	}

	void reset() {
		this.pauseMillis = this.initialMillis;
		this.readyAt = 0;
	}

}
