package dev.keystone.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An operator-facing alert gathering the anomalies of one metric and scope, on
 * {@code alerts} keyed by {@code alertId}, one record per state change with the
 * {@code transition} that made it.
 *
 * @param alertId stable id of this alert
 * @param groupKey the anomalies it gathers: {@code metric:scope}
 * @param metric the anomalies' metric
 * @param scope the anomalies' scope
 * @param state where the alert is in its life
 * @param severity the highest severity seen so far
 * @param summary one line for a person
 * @param anomalyIds the newest anomalies' ids (bounded; {@code anomalyCount} has the
 * total)
 * @param anomalyCount how many anomalies the alert gathered
 * @param firstSeen detection time of its first anomaly
 * @param lastSeen detection time of its newest anomaly
 * @param openedAt when it started firing
 * @param updatedAt when it last changed
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgedAt when it was acknowledged
 * @param resolvedAt when it was resolved
 * @param resolution {@code auto} or {@code manual}
 * @param silencedBy the silence holding back its notifications, if any
 * @param last the newest anomaly's figures
 * @param transition on {@code alerts}: the change this record reports
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Alert(String alertId, String groupKey, String metric, String scope, State state, Severity severity,
		String summary, List<String> anomalyIds, long anomalyCount, Instant firstSeen, Instant lastSeen,
		Instant openedAt, Instant updatedAt, String acknowledgedBy, Instant acknowledgedAt, Instant resolvedAt,
		Resolution resolution, String silencedBy, Figures last, Transition transition) {

	public Alert withTransition(Transition transition) {
		return toBuilder().transition(transition).build();
	}

	/**
	 * A builder holding this alert's values, for the next state of the same alert.
	 * @return a builder to change some values of and build
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The next state of an alert: its identity (id, group, metric, scope) stays, the rest
	 * may change.
	 */
	public static final class Builder {

		private final Alert from;

		private State state;

		private Severity severity;

		private String summary;

		private List<String> anomalyIds;

		private long anomalyCount;

		private Instant firstSeen;

		private Instant lastSeen;

		private Instant openedAt;

		private Instant updatedAt;

		private String acknowledgedBy;

		private Instant acknowledgedAt;

		private Instant resolvedAt;

		private Resolution resolution;

		private String silencedBy;

		private Figures last;

		private Transition transition;

		private Builder(Alert from) {
			this.from = from;
			this.state = from.state;
			this.severity = from.severity;
			this.summary = from.summary;
			this.anomalyIds = from.anomalyIds;
			this.anomalyCount = from.anomalyCount;
			this.firstSeen = from.firstSeen;
			this.lastSeen = from.lastSeen;
			this.openedAt = from.openedAt;
			this.updatedAt = from.updatedAt;
			this.acknowledgedBy = from.acknowledgedBy;
			this.acknowledgedAt = from.acknowledgedAt;
			this.resolvedAt = from.resolvedAt;
			this.resolution = from.resolution;
			this.silencedBy = from.silencedBy;
			this.last = from.last;
			this.transition = from.transition;
		}

		public Builder state(State state) {
			this.state = state;
			return this;
		}

		public Builder severity(Severity severity) {
			this.severity = severity;
			return this;
		}

		public Builder summary(String summary) {
			this.summary = summary;
			return this;
		}

		public Builder anomalies(List<String> anomalyIds, long anomalyCount) {
			this.anomalyIds = anomalyIds;
			this.anomalyCount = anomalyCount;
			return this;
		}

		public Builder seen(Instant firstSeen, Instant lastSeen) {
			this.firstSeen = firstSeen;
			this.lastSeen = lastSeen;
			return this;
		}

		public Builder openedAt(Instant openedAt) {
			this.openedAt = openedAt;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder acknowledged(String by, Instant at) {
			this.acknowledgedBy = by;
			this.acknowledgedAt = at;
			return this;
		}

		public Builder resolved(Instant at, Resolution resolution) {
			this.resolvedAt = at;
			this.resolution = resolution;
			return this;
		}

		public Builder silencedBy(String silencedBy) {
			this.silencedBy = silencedBy;
			return this;
		}

		public Builder last(Figures last) {
			this.last = last;
			return this;
		}

		public Builder transition(Transition transition) {
			this.transition = transition;
			return this;
		}

		public Alert build() {
			return new Alert(this.from.alertId, this.from.groupKey, this.from.metric, this.from.scope, this.state,
					this.severity, this.summary, this.anomalyIds, this.anomalyCount, this.firstSeen, this.lastSeen,
					this.openedAt, this.updatedAt, this.acknowledgedBy, this.acknowledgedAt, this.resolvedAt,
					this.resolution, this.silencedBy, this.last, this.transition);
		}

	}

	/**
	 * Where an alert is in its life.
	 */
	public enum State {

		FIRING, ACKNOWLEDGED, RESOLVED;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The state changes reported on {@code alerts} and to receivers.
	 */
	public enum Transition {

		FIRING, REPEAT, ACKNOWLEDGED, RESOLVED;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * How an alert was resolved: by quiet or by a person.
	 */
	public enum Resolution {

		AUTO, MANUAL;

		@JsonValue
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * An anomaly's figures.
	 *
	 * @param observed the value seen
	 * @param expected the baseline
	 * @param score how far from the baseline
	 */
	public record Figures(double observed, double expected, double score) {

	}

}
