package dev.keystone.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A histogram as Prometheus exposes it (cumulative {@code _bucket} series by {@code le}),
 * read from a scrape, and its quantiles interpolated within a bucket as PromQL's
 * {@code histogram_quantile} does.
 */
final class PrometheusHistogram {

	private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

	private PrometheusHistogram() {
	}

	/** Cumulative count by upper bound, summed over the series' other labels. */
	static Map<Double, Double> buckets(String scrape, String metric) {
		Map<Double, Double> buckets = new TreeMap<>();
		for (String line : scrape.split("\n")) {
			if (!line.startsWith(metric + "{")) {
				continue;
			}
			Matcher le = LE.matcher(line);
			if (!le.find()) {
				continue;
			}
			double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
			double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
			buckets.merge(bound, count, Double::sum);
		}
		return buckets;
	}

	static Map<Double, Double> difference(Map<Double, Double> after, Map<Double, Double> before) {
		Map<Double, Double> difference = new TreeMap<>();
		after.forEach((bound, count) -> difference.put(bound, count - before.getOrDefault(bound, 0.0)));
		return difference;
	}

	static double quantile(double q, Map<Double, Double> cumulative) {
		TreeMap<Double, Double> buckets = new TreeMap<>(cumulative);
		if (buckets.isEmpty() || buckets.lastEntry().getValue() <= 0) {
			return Double.NaN;
		}
		double rank = q * buckets.lastEntry().getValue();
		double lowerBound = 0;
		double lowerCount = 0;
		for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
			if (bucket.getValue() >= rank) {
				if (bucket.getKey().isInfinite()) {
					return lowerBound;
				}
				double inBucket = bucket.getValue() - lowerCount;
				return lowerBound
						+ (bucket.getKey() - lowerBound) * ((inBucket == 0) ? 1 : (rank - lowerCount) / inBucket);
			}
			lowerBound = bucket.getKey();
			lowerCount = bucket.getValue();
		}
		return lowerBound;
	}

}
