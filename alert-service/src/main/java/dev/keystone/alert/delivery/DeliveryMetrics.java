package dev.keystone.alert.delivery;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code keystone_notifications_total{channel,outcome}}, registered at start for every
 * channel and outcome so rates and alerts work before the first notification, and
 * {@code keystone_alert_notification_delay_seconds}: anomaly detected to notification
 * delivered.
 */
final class DeliveryMetrics {

	static final List<String> OUTCOMES = List.of("delivered", "retried", "failed");

	private final MeterRegistry registry;

	private final Timer delay;

	DeliveryMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (ReceiverSettings.Receiver.Type type : ReceiverSettings.Receiver.Type.values()) {
			for (String outcome : OUTCOMES) {
				counter(type, outcome);
			}
		}
		this.delay = Timer.builder("keystone.alert.notification.delay")
			.description("Anomaly detected to notification delivered")
			.publishPercentileHistogram()
			.maximumExpectedValue(Duration.ofHours(1))
			.register(registry);
	}

	void count(ReceiverSettings.Receiver.Type type, String outcome) {
		counter(type, outcome).increment();
	}

	void delivered(Duration sinceDetected) {
		this.delay.record(sinceDetected.isNegative() ? Duration.ZERO : sinceDetected);
	}

	private Counter counter(ReceiverSettings.Receiver.Type type, String outcome) {
		return Counter.builder("keystone.notifications")
			.description("Notifications per channel and outcome")
			.tag("channel", type.channel())
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
