package dev.keystone.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An operator-facing alert grouping anomalies, on {@code alerts} keyed by
 * {@code alertId}.
 */
public record Alert(String alertId, State state, Severity severity, String summary, List<String> anomalyIds,
		Instant openedAt, Instant updatedAt) {

	/**
	 * Where an alert is in its life.
	 */
	public enum State {

		OPEN, ACKNOWLEDGED, RESOLVED;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
