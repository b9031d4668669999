package dev.keystone.alert.lifecycle;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.keystone.events.Alert;

/**
 * One line a person understands: "error rate 44% of sessions vs 8.0% expected for title
 * Stranger Things: Chapter One"; a storm as "active viewers dropped in 22 scopes". Rates
 * and ratios are shares of a minute's playback sessions, so they read as percentages.
 */
final class Summaries {

	private final Function<String, String> titleNames;

	private final int stormThreshold;

	/**
	 * @param titleNames a title's name by id, or {@code null} when the catalog has none
	 * @param stormThreshold more alerts of one metric in a notification than this read as
	 * a storm
	 */
	Summaries(Function<String, String> titleNames, int stormThreshold) {
		this.titleNames = titleNames;
		this.stormThreshold = stormThreshold;
	}

	String alert(String metric, String scope, double observed, double expected) {
		String ofSessions = isShare(metric) ? " of sessions" : "";
		return words(metric) + " " + figure(metric, observed) + ofSessions + " vs " + figure(metric, expected)
				+ " expected for " + scope(scope);
	}

	String notification(Alert.Transition transition, List<Alert> alerts) {
		if (alerts.size() == 1) {
			return prefix(transition) + alerts.get(0).summary();
		}
		String metric = alerts.get(0).metric();
		boolean oneMetric = alerts.stream().allMatch((alert) -> alert.metric().equals(metric));
		if (transition == Alert.Transition.FIRING && oneMetric && alerts.size() > this.stormThreshold) {
			long drops = alerts.stream().filter((alert) -> alert.last().observed() < alert.last().expected()).count();
			String verb = (drops * 2 > alerts.size()) ? "dropped" : "rose";
			return words(metric) + " " + verb + " in " + alerts.size() + " scopes";
		}
		StringBuilder text = new StringBuilder(prefix(transition)).append(oneMetric ? words(metric) : "anomalies")
			.append(" in ")
			.append(alerts.size())
			.append(" scopes: ");
		for (int i = 0; i < alerts.size() && i < 3; i++) {
			text.append((i > 0) ? ", " : "").append(scope(alerts.get(i).scope()));
		}
		return text.append((alerts.size() > 3) ? ", …" : "").toString();
	}

	private static String prefix(Alert.Transition transition) {
		return switch (transition) {
			case RESOLVED -> "resolved: ";
			case ACKNOWLEDGED -> "acknowledged: ";
			case REPEAT -> "still firing: ";
			case FIRING -> "";
		};
	}

	private String scope(String scope) {
		int colon = scope.indexOf(':');
		if (colon < 0) {
			return scope.equals("_all") ? "all traffic" : scope;
		}
		String kind = scope.substring(0, colon);
		String value = scope.substring(colon + 1);
		return switch (kind) {
			case "title" -> {
				String name = this.titleNames.apply(value);
				yield "title " + ((name != null) ? name : value);
			}
			case "deviceClass" -> "device class " + value;
			default -> kind + " " + value;
		};
	}

	private static String words(String metric) {
		return metric.replace('_', ' ');
	}

	private static boolean isShare(String metric) {
		return metric.endsWith("_rate") || metric.endsWith("_ratio");
	}

	/**
	 * A share as a percentage, with a decimal below 10% where the whole number says
	 * little.
	 */
	private static String figure(String metric, double value) {
		if (!isShare(metric)) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		double percent = value * 100;
		return String.format(Locale.ROOT, (percent < 10) ? "%.1f%%" : "%.0f%%", percent);
	}

}
