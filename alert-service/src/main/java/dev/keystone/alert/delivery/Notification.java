package dev.keystone.alert.delivery;

import java.time.Instant;
import java.util.List;

import dev.keystone.events.Alert;

/**
 * What the lifecycle decided to send, on the notifications topic keyed by its group:
 * written in the same transaction as the state change, so a decision is never lost, and
 * read by every receiver's own delivery.
 *
 * @param notificationId stable id, sent with every delivery of it so a receiver can drop
 * a resend
 * @param groupKey the notification group (the rule's {@code groupBy} values)
 * @param transition what happened to the alerts
 * @param summary one line for a person; a storm is summarised as one
 * @param receivers the receivers the rule names
 * @param alerts the alerts, each with its transition
 * @param createdAt when it was decided
 * @param detectedAt detection time of the newest anomaly behind it
 */
public record Notification(String notificationId, String groupKey, Alert.Transition transition, String summary,
		List<String> receivers, List<Alert> alerts, Instant createdAt, Instant detectedAt) {

	/**
	 * {@code resolved} for a resolution, {@code firing} otherwise, as receivers expect.
	 */
	public String status() {
		return (this.transition == Alert.Transition.RESOLVED) ? "resolved" : "firing";
	}

}
