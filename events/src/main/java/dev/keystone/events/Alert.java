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
		return new Alert(this.alertId, this.groupKey, this.metric, this.scope, this.state, this.severity, this.summary,
				this.anomalyIds, this.anomalyCount, this.firstSeen, this.lastSeen, this.openedAt, this.updatedAt,
				this.acknowledgedBy, this.acknowledgedAt, this.resolvedAt, this.resolution, this.silencedBy, this.last,
				transition);
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
