package dev.keystone.bench;

import java.util.Locale;

/**
 * Prints figures, one a line with its unit, and the closing ratios. Progress goes to
 * stderr so the figures stay together on stdout.
 */
final class Report {

	private Report() {
	}

	static void figure(String name, double value, String unit) {
		String number = (Math.abs(value) >= 100 || value == Math.rint(value))
				? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
		System.out.printf(Locale.ROOT, "%-58s %14s %s%n", name, number, unit);
	}

	static void latency(String name, LatencyRecorder latency) {
		figure(name + " p50 latency", latency.percentileMillis(0.50), "ms");
		figure(name + " p99 latency", latency.percentileMillis(0.99), "ms");
	}

	static void latencies(String name, LatencyRecorder latency) {
		figure(name + " p50", latency.percentileMillis(0.50), "ms");
		figure(name + " p99", latency.percentileMillis(0.99), "ms");
		figure(name + " p99.9", latency.percentileMillis(0.999), "ms");
	}

	static void ratio(String name, double value) {
		ratio(name, value, 2);
	}

	/**
	 * A ratio whose goal is exact, with enough decimals that a miss does not round to it.
	 */
	static void ratio(String name, double value, int decimals) {
		System.out.printf(Locale.ROOT, "ratio %s = %." + decimals + "f%n", name, value);
	}

	static void progress(String format, Object... args) {
		System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
	}

}
