package dev.keystone.routing.sink;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Whether each sink is writing or waiting for its store, shown in
 * {@code /actuator/health} under {@code sinks}, so an operator sees a paused pipeline
 * rather than a quiet one.
 */
public class SinkStatus extends AbstractHealthIndicator {

	private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

	private final Clock clock;

	public SinkStatus(Clock clock) {
		this.clock = clock;
	}

	public void waitingFor(String sink, String reason) {
		this.waiting.compute(sink,
				(name, current) -> new Waiting((current != null) ? current.since() : this.clock.instant(), reason));
	}

	public void writing(String sink) {
		this.waiting.remove(sink);
	}

	public boolean isPaused(String sink) {
		return this.waiting.containsKey(sink);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.waiting.isEmpty()) {
			builder.up();
			return;
		}
		builder.down();
		this.waiting.forEach((sink, state) -> builder.withDetail(sink,
				Map.of("state", "paused", "since", state.since().toString(), "reason", state.reason())));
	}

	private record Waiting(Instant since, String reason) {

	}

}
