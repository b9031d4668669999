package dev.keystone.alert.alerts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.keystone.alert.delivery.NotificationLogEntry;
import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;

/**
 * One alert with its newest anomalies and its notification log.
 *
 * @param alert the alert's fields
 * @param anomalies its newest anomalies, oldest first
 * @param notifications each delivery to each receiver, oldest first
 */
record AlertDetail(@JsonUnwrapped Alert alert, List<Anomaly> anomalies, List<Notified> notifications) {

	/**
	 * One line of the notification log.
	 *
	 * @param receiver the receiver
	 * @param transition what was sent
	 * @param outcome {@code delivered} or {@code failed}
	 * @param attempts calls made
	 * @param at when it ended
	 * @param notificationId the notification
	 */
	record Notified(String receiver, Alert.Transition transition, String outcome, int attempts, java.time.Instant at,
			String notificationId) {

		static Notified of(NotificationLogEntry entry) {
			return new Notified(entry.receiver(), entry.transition(), entry.outcome(), entry.attempts(), entry.at(),
					entry.notificationId());
		}

	}

}
