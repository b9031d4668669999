package dev.keystone.alert.delivery;

import java.time.Instant;

import dev.keystone.events.Alert;

/**
 * One delivery of one notification to one receiver, for one of its alerts; on the
 * compacted notification-log topic keyed by {@code alertId|notificationId|receiver}.
 *
 * @param alertId the alert
 * @param notificationId the notification
 * @param receiver the receiver's name
 * @param transition what was sent
 * @param outcome {@code delivered} or {@code failed}
 * @param attempts calls made
 * @param at when it ended
 */
public record NotificationLogEntry(String alertId, String notificationId, String receiver, Alert.Transition transition,
		String outcome, int attempts, Instant at) {

	public String key() {
		return this.alertId + "|" + this.notificationId + "|" + this.receiver;
	}

}
