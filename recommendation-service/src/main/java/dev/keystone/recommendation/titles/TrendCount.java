package dev.keystone.recommendation.titles;

import java.time.Duration;
import java.time.Instant;

/**
 * A time-decayed count of starts: each start weighs {@code 2^-(age / halfLife)}.
 * <p>
 * It is kept as the base-2 logarithm of the count scaled to the epoch,
 * {@code log2(count) + t / halfLife}. Adding a start never rescales the others, every
 * title's count decays alike so ranking compares {@code level} directly, and weeks of
 * history neither overflow nor underflow a double.
 *
 * @param level {@code log2} of the count at the epoch, in half-lives
 * @param viewers the starts counted, undecayed
 */
public record TrendCount(double level, long viewers) {

	public static TrendCount first(Instant at, Duration halfLife) {
		return new TrendCount(halfLives(at, halfLife), 1);
	}

	public TrendCount add(Instant at, Duration halfLife) {
		double start = halfLives(at, halfLife);
		double high = Math.max(this.level, start);
		double low = Math.min(this.level, start);
		return new TrendCount(high + log2(1 + Math.pow(2, low - high)), this.viewers + 1);
	}

	/** The decayed count as of {@code now}. */
	public double scoreAt(Instant now, Duration halfLife) {
		return Math.pow(2, this.level - halfLives(now, halfLife));
	}

	private static double halfLives(Instant at, Duration halfLife) {
		return (double) at.toEpochMilli() / halfLife.toMillis();
	}

	private static double log2(double value) {
		return Math.log(value) / Math.log(2);
	}

}
