package dev.keystone.alert.rules;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.keystone.events.Anomaly;
import dev.keystone.events.Severity;

/**
 * A checked rule: which anomalies it takes and how their alerts behave.
 *
 * @param metric glob over the anomaly's metric
 * @param scope glob over the anomaly's scope
 * @param minSeverity the lowest anomaly severity the rule takes
 * @param forWindows anomalies in this many one-minute windows before the alert fires
 * @param forWithin the span those windows must fall in
 * @param resolveAfter quiet time after which a firing alert resolves itself
 * @param repeatInterval how often a firing alert nobody acknowledged is sent again
 * @param receivers the receivers to notify; empty means every receiver
 * @param groupBy the alert fields whose values make one notification group
 * @param groupWait how long new firing alerts of one group are gathered into one
 * notification
 */
public record AlertRule(Glob metric, Glob scope, Severity minSeverity, int forWindows, Duration forWithin,
		Duration resolveAfter, Duration repeatInterval, List<String> receivers, List<String> groupBy,
		Duration groupWait) {

	/** The alert fields a rule may group notifications by. */
	public static final Set<String> GROUP_FIELDS = Set.of("metric", "scope", "severity");

	public boolean matches(Anomaly anomaly) {
		return matches(anomaly.metric(), anomaly.scope(), anomaly.severity());
	}

	public boolean matches(String metric, String scope, Severity severity) {
		return this.metric.matches(metric) && this.scope.matches(scope) && severity.compareTo(this.minSeverity) >= 0;
	}

	/** The notification group of an alert of this metric, scope and severity. */
	public String notificationGroup(String metric, String scope, Severity severity) {
		StringBuilder key = new StringBuilder();
		for (String field : this.groupBy) {
			if (!key.isEmpty()) {
				key.append(',');
			}
			key.append(field).append('=').append(switch (field) {
				case "scope" -> scope;
				case "severity" -> severity.wireName();
				default -> metric;
			});
		}
		return key.isEmpty() ? "all" : key.toString();
	}

	public boolean sendsTo(String receiver) {
		return this.receivers.isEmpty() || this.receivers.contains(receiver);
	}

}
