package dev.keystone.alert.alerts;

import java.util.List;

import dev.keystone.alert.system.TopicMirror;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * Ready once every mirrored topic the API serves from (alert state, notification log,
 * rules, silences) has been read to where it stood at start; before that an answer could
 * miss alerts that exist.
 */
final class AlertBoardHealth implements HealthIndicator {

	private final List<TopicMirror> mirrors;

	AlertBoardHealth(List<TopicMirror> mirrors) {
		this.mirrors = mirrors;
	}

	@Override
	public Health health() {
		long behind = this.mirrors.stream().filter((mirror) -> !mirror.caughtUp()).count();
		return (behind == 0) ? Health.up().build()
				: Health.outOfService().withDetail("topicsBeingRead", behind).build();
	}

}
