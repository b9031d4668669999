package dev.keystone.alert.rules;

import java.util.List;

import dev.keystone.events.Severity;

/**
 * The rules in force, first match wins; an anomaly no rule takes gets the defaults and
 * every receiver.
 *
 * @param rules the rules in their order
 * @param fallback the rule of the defaults
 */
public record RuleSet(List<AlertRule> rules, AlertRule fallback) {

	public AlertRule forAlert(String metric, String scope, Severity severity) {
		for (AlertRule rule : this.rules) {
			if (rule.matches(metric, scope, severity)) {
				return rule;
			}
		}
		return this.fallback;
	}

}
