package dev.keystone.alert.rules;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a rule does where it says nothing, and what applies to an anomaly no rule matches.
 *
 * @param forWindows one-minute windows with anomalies before an alert fires
 * @param forWithin the span those windows must fall in
 * @param resolveAfter quiet time after which a firing alert resolves itself
 * @param repeatInterval how often a firing, unacknowledged alert is sent again
 * @param groupBy alert fields making one notification group
 * @param groupWait how long new firing alerts of a group are gathered
 */
@Validated
@ConfigurationProperties("keystone.alert.rule-defaults")
public record RuleDefaults(@Min(1) int forWindows, @NotNull Duration forWithin, @NotNull Duration resolveAfter,
		@NotNull Duration repeatInterval, @NotEmpty List<String> groupBy, @NotNull Duration groupWait) {

}
