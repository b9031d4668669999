package dev.keystone.alert.system;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How alert-service keeps and judges alerts.
 *
 * @param stormThreshold more firing scopes of one metric than this in one notification is
 * summarised as a storm
 * @param tick how often timers (group waits, quiet periods, repeats, silences ending) are
 * checked
 * @param maxAnomalyAge an anomaly detected longer ago than this when read (a backlog
 * after a long outage) is recorded in no alert
 * @param keptAnomalies how many of an alert's newest anomalies it keeps in full
 * @param retention how long an alert, its log and its anomalies are kept after they last
 * changed
 * @param topics the service's own topics
 */
@Validated
@ConfigurationProperties("keystone.alert")
public record AlertSettings(@Min(1) int stormThreshold, @NotNull Duration tick, @NotNull Duration maxAnomalyAge,
		@Min(1) int keptAnomalies, @NotNull Duration retention, @Valid @NotNull Topics topics) {

	/**
	 * The service's own topics: an inbox, rules, silences, alert state and notifications.
	 *
	 * @param prefix name prefix of every topic the service owns
	 * @param partitions partitions of the inbox, grouping and notification topics: the
	 * most instances that share the work
	 * @param replicationFactor copies of each topic; 3 in a production cluster
	 */
	public record Topics(@NotBlank String prefix, @Min(1) int partitions, @Min(1) short replicationFactor) {

		public String inbox() {
			return this.prefix + ".inbox";
		}

		public String rules() {
			return this.prefix + ".rules";
		}

		public String silences() {
			return this.prefix + ".silences";
		}

		public String state() {
			return this.prefix + ".state";
		}

		public String notifications() {
			return this.prefix + ".notifications";
		}

		public String notificationLog() {
			return this.prefix + ".notification-log";
		}

	}

}
