package dev.keystone.alert.silences;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keystone.alert.rules.Glob;
import dev.keystone.events.Alert;

/**
 * A time range in which matching alerts are tracked but not sent.
 *
 * @param silenceId its id
 * @param matchers exact values or {@code *} globs over metric, scope and severity
 * @param startsAt when it begins
 * @param endsAt when it ends (set to the time of a {@code DELETE} that ends it early)
 * @param createdBy who made it
 * @param comment why
 * @param createdAt when it was made
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Silence(String silenceId, Matchers matchers, Instant startsAt, Instant endsAt, String createdBy,
		String comment, Instant createdAt) {

	/**
	 * What a silence matches; a missing matcher matches anything.
	 *
	 * @param metric the alert's metric
	 * @param scope the alert's scope
	 * @param severity the alert's severity
	 */
	public record Matchers(String metric, String scope, String severity) {

	}

	public boolean activeAt(Instant now) {
		return !now.isBefore(this.startsAt) && now.isBefore(this.endsAt);
	}

	public boolean matches(Alert alert) {
		return Glob.of(this.matchers.metric()).matches(alert.metric())
				&& Glob.of(this.matchers.scope()).matches(alert.scope())
				&& Glob.of(this.matchers.severity()).matches(alert.severity().wireName());
	}

	public Silence endedAt(Instant now) {
		return new Silence(this.silenceId, this.matchers, this.startsAt, now, this.createdBy, this.comment,
				this.createdAt);
	}

}
