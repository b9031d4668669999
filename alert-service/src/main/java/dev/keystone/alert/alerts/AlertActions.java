package dev.keystone.alert.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.lifecycle.AlertRecord;
import dev.keystone.alert.lifecycle.InboxMessage;
import dev.keystone.alert.system.ApiException;
import dev.keystone.alert.system.Publisher;
import dev.keystone.events.Alert;
import dev.keystone.events.EventJson;

/**
 * Acknowledge and resolve: checked against the alert's state (409 for a transition it
 * does not allow), sent to the task that owns the alert through the inbox, and answered
 * with the alert once the change shows.
 */
final class AlertActions {

	private final AlertBoard board;

	private final Publisher publisher;

	private final String inbox;

	private final Duration wait;

	private final ObjectMapper mapper;

	private final Clock clock;

	AlertActions(AlertBoard board, Publisher publisher, String inbox, Duration wait, ObjectMapper mapper, Clock clock) {
		this.board = board;
		this.publisher = publisher;
		this.inbox = inbox;
		this.wait = wait;
		this.mapper = mapper;
		this.clock = clock;
	}

	Alert acknowledge(String alertId, String by, String comment) {
		Alert alert = find(alertId);
		if (alert.state() != Alert.State.FIRING) {
			throw ApiException.conflict("alert " + alertId + " is " + alert.state().wireName()
					+ "; only a firing alert can be acknowledged");
		}
		send(InboxMessage.ACKNOWLEDGE, alert, by, comment);
		return awaitState(alertId, (a) -> a.state() != Alert.State.FIRING);
	}

	Alert resolve(String alertId, String by, String comment) {
		Alert alert = find(alertId);
		if (alert.state() == Alert.State.RESOLVED) {
			throw ApiException.conflict("alert " + alertId + " is already resolved");
		}
		send(InboxMessage.RESOLVE, alert, by, comment);
		return awaitState(alertId, (a) -> a.state() == Alert.State.RESOLVED);
	}

	private Alert find(String alertId) {
		return this.board.get(alertId)
			.map(AlertRecord::alert)
			.orElseThrow(() -> ApiException.notFound("no alert " + alertId));
	}

	private void send(String action, Alert alert, String by, String comment) {
		InboxMessage message = new InboxMessage(action, alert.alertId(), alert.metric(), alert.scope(), by, comment,
				this.clock.instant());
		this.publisher.publish(this.inbox, alert.metric(), EventJson.write(this.mapper, message));
	}

	private Alert awaitState(String alertId, Predicate<Alert> done) {
		long deadline = System.nanoTime() + this.wait.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Alert> alert = this.board.get(alertId).map(AlertRecord::alert);
			if (alert.isPresent() && done.test(alert.get())) {
				return alert.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		Alert now = find(alertId);
		if (done.test(now)) {
			return now;
		}
		throw ApiException.unavailable(
				"the change to alert " + alertId + " is accepted but not applied yet; read the alert again shortly");
	}

}
