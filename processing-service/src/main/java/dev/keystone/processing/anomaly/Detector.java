package dev.keystone.processing.anomaly;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dev.keystone.events.Anomaly;
import dev.keystone.events.Severity;

/**
 * Judges one metric of one closed window against its baseline, then lets the baseline
 * learn from it. A value beyond the threshold is learned from as if it were at the
 * threshold: a brief incident hardly moves the baseline, so the next one is judged
 * against normal times, while a lasting shift still becomes the new normal after some
 * windows instead of alerting forever.
 */
final class Detector {

	private final AnomalyThresholds thresholds;

	private final Clock clock;

	Detector(AnomalyThresholds thresholds, Clock clock) {
		this.thresholds = thresholds;
		this.clock = clock;
	}

	/**
	 * @param baseline what the scope's metric looked like so far; null when never seen
	 * @return null when the window tells nothing new: too little volume, or a window no
	 * newer than one already judged (which is what keeps a replay from alerting twice)
	 */
	Judgement judge(Metric metric, String scope, Instant start, Instant end, ScopeWindow window, Baseline baseline) {
		if (baseline != null && start.toEpochMilli() <= baseline.lastWindowStart()) {
			return null;
		}
		Double observed = observe(metric, window);
		if (observed == null) {
			return null;
		}
		if (baseline == null) {
			return new Judgement(Baseline.first(observed, start.toEpochMilli()), null);
		}
		if (baseline.windows() < this.thresholds.warmupWindows()) {
			return new Judgement(baseline.learn(observed, this.thresholds.smoothing(), start.toEpochMilli()), null);
		}
		Anomaly anomaly = compare(metric, scope, start, end, observed, baseline);
		double band = this.thresholds.zScore() * stdDev(metric, baseline);
		double bounded = Math.max(baseline.mean() - band, Math.min(baseline.mean() + band, observed));
		return new Judgement(baseline.learn(bounded, this.thresholds.smoothing(), start.toEpochMilli()), anomaly);
	}

	private Double observe(Metric metric, ScopeWindow window) {
		AnomalyThresholds t = this.thresholds;
		return switch (metric) {
			case ERROR_RATE ->
				(window.viewers() >= t.minSessions()) ? window.shareOfSessions(window.errorSessions()) : null;
			case BUFFERING_RATIO ->
				(window.viewers() >= t.minSessions()) ? window.shareOfSessions(window.bufferingSessions()) : null;
			case CRASHES -> (window.events() >= t.minEvents()) ? (double) window.crashes() : null;
			case ACTIVE_VIEWERS -> (double) window.viewers();
		};
	}

	private Anomaly compare(Metric metric, String scope, Instant start, Instant end, double observed,
			Baseline baseline) {
		if (metric.isDropBad() && baseline.mean() < this.thresholds.minViewers()) {
			return null;
		}
		double deviation = (observed - baseline.mean()) / stdDev(metric, baseline);
		double score = metric.isDropBad() ? -deviation : deviation;
		if (score < this.thresholds.zScore()) {
			return null;
		}
		return new Anomaly(anomalyId(metric, scope, start), metric.wireName(), scope, start, end, observed,
				baseline.mean(), score, severity(score), this.clock.instant());
	}

	private double stdDev(Metric metric, Baseline baseline) {
		double floor = Math.max(this.thresholds.relativeStdDevFloor() * Math.abs(baseline.mean()),
				metric.isRatio() ? this.thresholds.rateStdDevFloor() : this.thresholds.countStdDevFloor());
		return Math.max(Math.sqrt(baseline.variance()), Math.max(floor, Double.MIN_NORMAL));
	}

	/** LOW at the threshold, MEDIUM from 1.5x, HIGH from 2x, CRITICAL from 3x. */
	private Severity severity(double score) {
		double times = score / this.thresholds.zScore();
		if (times >= 3) {
			return Severity.CRITICAL;
		}
		if (times >= 2) {
			return Severity.HIGH;
		}
		return (times >= 1.5) ? Severity.MEDIUM : Severity.LOW;
	}

	/** The same window of the same metric and scope always gets the same id. */
	static String anomalyId(Metric metric, String scope, Instant windowStart) {
		return UUID
			.nameUUIDFromBytes((metric.wireName() + "|" + scope + "|" + windowStart.toEpochMilli())
				.getBytes(StandardCharsets.UTF_8))
			.toString();
	}

	/**
	 * @param baseline the baseline after learning from the window
	 * @param anomaly what the window showed, or null when it was normal
	 */
	record Judgement(Baseline baseline, Anomaly anomaly) {

	}

}
