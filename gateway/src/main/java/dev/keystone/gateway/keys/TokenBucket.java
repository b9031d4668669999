package dev.keystone.gateway.keys;

/**
 * A token bucket refilled continuously at {@code rate} per second up to one second's
 * worth. It may go into debt when a charge is only known afterwards (events counted by
 * ingest), and then refuses until it has paid it off.
 */
final class TokenBucket {

	private final double rate;

	private double tokens;

	private long updatedNanos;

	TokenBucket(double rate, long nowNanos) {
		this.rate = rate;
		this.tokens = rate;
		this.updatedNanos = nowNanos;
	}

	synchronized boolean tryTake(double amount, long nowNanos) {
		refill(nowNanos);
		if (this.tokens < amount) {
			return false;
		}
		this.tokens -= amount;
		return true;
	}

	synchronized void charge(double amount, long nowNanos) {
		refill(nowNanos);
		this.tokens -= amount;
	}

	synchronized double available(long nowNanos) {
		refill(nowNanos);
		return this.tokens;
	}

	/** Whole seconds until {@code amount} tokens are there, at least one. */
	synchronized long secondsUntil(double amount, long nowNanos) {
		refill(nowNanos);
		return Math.max(1, (long) Math.ceil((amount - this.tokens) / this.rate));
	}

	double rate() {
		return this.rate;
	}

	private void refill(long nowNanos) {
		double elapsed = (nowNanos - this.updatedNanos) / 1e9;
		this.tokens = Math.min(this.rate, this.tokens + elapsed * this.rate);
		this.updatedNanos = nowNanos;
	}

}
