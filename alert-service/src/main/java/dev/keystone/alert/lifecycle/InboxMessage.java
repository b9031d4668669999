package dev.keystone.alert.lifecycle;

import java.time.Instant;

/**
 * A person's action on an alert, sent through the inbox topic to the task that owns the
 * alert, so that every state change is made in one place.
 *
 * @param action {@code acknowledge} or {@code resolve}
 * @param alertId the alert
 * @param metric its metric, which decides the owning task
 * @param scope its scope
 * @param by who
 * @param comment why
 * @param at when it was asked for
 */
public record InboxMessage(String action, String alertId, String metric, String scope, String by, String comment,
		Instant at) {

	public static final String ACKNOWLEDGE = "acknowledge";

	public static final String RESOLVE = "resolve";

}
