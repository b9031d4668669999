package dev.keystone.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies, in microseconds, from the moment a request was due until its events reached
 * one stage of the pipeline, kept per phase of the run.
 */
final class StageLatencies {

	private final Map<String, Histogram> phases = new ConcurrentHashMap<>();

	void record(String phase, long micros) {
		this.phases.computeIfAbsent(phase, (name) -> new ConcurrentHistogram(OpenLoad.HIGHEST_MICROS, 3))
			.recordValue(Math.max(0, Math.min(micros, OpenLoad.HIGHEST_MICROS)));
	}

	long count(String phase) {
		Histogram histogram = this.phases.get(phase);
		return (histogram != null) ? histogram.getTotalCount() : 0;
	}

	Histogram of(String phase) {
		return this.phases.computeIfAbsent(phase, (name) -> new ConcurrentHistogram(OpenLoad.HIGHEST_MICROS, 3));
	}

	/** p50, p99 and p99.9 in ms, one figure a line. */
	static void report(String name, Histogram histogram) {
		for (double percentile : new double[] { 50, 99, 99.9 }) {
			Report.figure(
					name + " p"
							+ ((percentile == Math.rint(percentile)) ? Long.toString((long) percentile)
									: Double.toString(percentile)),
					histogram.getValueAtPercentile(percentile) / 1000.0, "ms");
		}
	}

}
