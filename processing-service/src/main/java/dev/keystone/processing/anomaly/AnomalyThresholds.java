package dev.keystone.processing.anomaly;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When a window's metric counts as an anomaly.
 *
 * @param zScore how many (floored) standard deviations from the baseline mean an
 * observation must be
 * @param warmupWindows windows a baseline must have learned from before it judges
 * @param smoothing weight of the newest window in the moving mean and variance; 0.1
 * remembers roughly the last 20 windows
 * @param minSessions playback sessions a window needs before its error rate (the share of
 * its playback sessions that hit an error) and its buffering ratio (the share that
 * buffered) mean anything
 * @param minEvents events a window needs for its crash count
 * @param minViewers baseline viewers a scope needs before a drop is worth reporting
 * @param relativeStdDevFloor the standard deviation used is at least this fraction of the
 * baseline mean, so a flat baseline does not turn every wiggle into an anomaly
 * @param rateStdDevFloor the absolute floor for ratios (error rate, buffering ratio)
 * @param countStdDevFloor the absolute floor for counts (crashes, viewers)
 */
@Validated
@ConfigurationProperties("keystone.processing.anomaly")
public record AnomalyThresholds(@DecimalMin("0.5") double zScore, @Min(0) int warmupWindows,
		@DecimalMin("0.001") @DecimalMax("1.0") double smoothing, @Min(1) long minSessions, @Min(1) long minEvents,
		@Min(1) long minViewers, @DecimalMin("0.0") double relativeStdDevFloor,
		@DecimalMin("0.0") double rateStdDevFloor, @DecimalMin("0.0") double countStdDevFloor) {

}
