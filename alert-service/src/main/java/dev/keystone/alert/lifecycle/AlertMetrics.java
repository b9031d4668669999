package dev.keystone.alert.lifecycle;

import java.util.Locale;

import dev.keystone.events.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code keystone_alerts_total{state}}: alert state changes by the state they reached
 * ({@code firing}, {@code repeat}, {@code acknowledged}, {@code resolved}), and
 * {@code keystone_alert_anomalies_total{outcome}}: anomalies read, by what became of
 * them. Every label value is registered at start. An exactly-once retry may count a
 * change twice here; the topics never hold it twice.
 */
final class AlertMetrics {

	private final MeterRegistry registry;

	AlertMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (Alert.Transition transition : Alert.Transition.values()) {
			transition(transition, 0);
		}
		for (String outcome : new String[] { "tracked", "duplicate", "stale" }) {
			anomaly(outcome, 0);
		}
	}

	void transition(Alert.Transition transition) {
		transition(transition, 1);
	}

	void anomaly(String outcome) {
		anomaly(outcome, 1);
	}

	private void transition(Alert.Transition transition, int by) {
		Counter.builder("keystone.alerts")
			.description("Alert state changes")
			.tag("state", transition.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment(by);
	}

	private void anomaly(String outcome, int by) {
		Counter.builder("keystone.alert.anomalies")
			.description("Anomalies read by the alert lifecycle")
			.tag("outcome", outcome)
			.register(this.registry)
			.increment(by);
	}

}
