package dev.keystone.recommendation.watching;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a profile has watched or finished a title, and how much of its history is kept.
 *
 * @param watchedAfter progress that makes a title watched, whatever its length
 * @param watchedFraction share of the duration that makes a title watched, if reached
 * before {@code watchedAfter}
 * @param finishedFraction share of the duration that makes a title finished
 * @param history titles kept per profile, most recently played first
 * @param restartAfter a profile starting a title again counts as a new start for trending
 * only after this long
 * @param pairsPerWatch earlier watches a new watch is paired with for similar titles
 */
@Validated
@ConfigurationProperties("keystone.recommendation.watching")
public record WatchSettings(@NotNull Duration watchedAfter, @DecimalMin("0.01") @DecimalMax("1") double watchedFraction,
		@DecimalMin("0.01") @DecimalMax("1") double finishedFraction, @Min(1) @Max(1000) int history,
		@NotNull Duration restartAfter, @Min(1) @Max(200) int pairsPerWatch) {

	/** Progress from which a title of that duration (null: unknown) counts as watched. */
	long watchedThresholdMs(Long durationMs) {
		long threshold = this.watchedAfter.toMillis();
		if (durationMs != null && durationMs > 0) {
			threshold = Math.min(threshold, (long) (durationMs * this.watchedFraction));
		}
		return threshold;
	}

	boolean finishes(long progressMs, Long durationMs) {
		return durationMs != null && durationMs > 0 && progressMs >= durationMs * this.finishedFraction;
	}

}
