package dev.keystone.events;

import java.time.Instant;

/**
 * A metric of one scope that left its baseline in one window, on {@code anomalies} keyed
 * by {@code metric:scope}.
 */
public record Anomaly(String anomalyId, String metric, String scope, Instant windowStart, Instant windowEnd,
		double observed, double expected, double score, Severity severity, Instant detectedAt) {

	public String key() {
		return this.metric + ":" + this.scope;
	}

}
