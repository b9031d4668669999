package dev.keystone.alert.rules;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.keystone.events.Severity;

/**
 * Turns rules as written into rules in force, naming every field that is wrong.
 */
public final class RuleChecker {

	private final RuleDefaults defaults;

	private final Set<String> receivers;

	public RuleChecker(RuleDefaults defaults, Set<String> receivers) {
		this.defaults = defaults;
		this.receivers = receivers;
	}

	/** A field that cannot be used, named as in the request body. */
	public record FieldProblem(String field, String message) {

	}

	/** The problems of these rules; empty if every rule can be used. */
	public List<FieldProblem> problems(List<RuleDocument> documents) {
		List<FieldProblem> problems = new ArrayList<>();
		if (documents == null) {
			problems.add(new FieldProblem("rules", "must be a JSON array of rules"));
			return problems;
		}
		for (int i = 0; i < documents.size(); i++) {
			String at = "[" + i + "]";
			RuleDocument rule = documents.get(i);
			if (rule == null) {
				problems.add(new FieldProblem(at, "must be a rule object"));
				continue;
			}
			if (rule.minSeverity() != null && severity(rule.minSeverity()) == null) {
				problems.add(new FieldProblem(at + ".minSeverity", "must be one of low, medium, high, critical"));
			}
			if (rule.forWindows() != null && (rule.forWindows() < 1 || rule.forWindows() > 1440)) {
				problems.add(new FieldProblem(at + ".for", "must be between 1 and 1440 windows"));
			}
			duration(problems, at + ".forWithin", rule.forWithin());
			duration(problems, at + ".resolveAfter", rule.resolveAfter());
			duration(problems, at + ".repeatInterval", rule.repeatInterval());
			duration(problems, at + ".groupWait", rule.groupWait());
			if (rule.receivers() != null) {
				for (int r = 0; r < rule.receivers().size(); r++) {
					String name = rule.receivers().get(r);
					if (!this.receivers.contains(name)) {
						problems.add(new FieldProblem(at + ".receivers[" + r + "]",
								"no receiver named '" + name + "' is configured; known: " + this.receivers));
					}
				}
			}
			if (rule.groupBy() != null) {
				for (int g = 0; g < rule.groupBy().size(); g++) {
					if (!AlertRule.GROUP_FIELDS.contains(rule.groupBy().get(g))) {
						problems.add(new FieldProblem(at + ".groupBy[" + g + "]",
								"must be one of " + AlertRule.GROUP_FIELDS));
					}
				}
			}
		}
		return problems;
	}

	/** Rules already checked (or stored after a check) as rules in force. */
	public RuleSet ruleSet(List<RuleDocument> documents) {
		List<AlertRule> rules = new ArrayList<>();
		for (RuleDocument document : documents) {
			rules.add(rule(document));
		}
		return new RuleSet(List.copyOf(rules), fallback());
	}

	public AlertRule fallback() {
		return rule(new RuleDocument(null, null, null, null, null, null, null, null, null, null));
	}

	private AlertRule rule(RuleDocument document) {
		Severity minSeverity = (document.minSeverity() != null) ? severity(document.minSeverity()) : Severity.LOW;
		int forWindows = (document.forWindows() != null) ? document.forWindows() : this.defaults.forWindows();
		return new AlertRule(Glob.of(document.metric()), Glob.of(document.scope()),
				(minSeverity != null) ? minSeverity : Severity.LOW, forWindows,
				orDefault(document.forWithin(), this.defaults.forWithin()),
				orDefault(document.resolveAfter(), this.defaults.resolveAfter()),
				orDefault(document.repeatInterval(), this.defaults.repeatInterval()),
				(document.receivers() != null) ? List.copyOf(document.receivers()) : List.of(),
				(document.groupBy() != null) ? List.copyOf(document.groupBy()) : this.defaults.groupBy(),
				orDefault(document.groupWait(), this.defaults.groupWait()));
	}

	private static Duration orDefault(String text, Duration fallback) {
		Duration parsed = Durations.parse(text);
		return (parsed != null) ? parsed : fallback;
	}

	private static void duration(List<FieldProblem> problems, String field, String text) {
		if (text == null) {
			return;
		}
		Duration parsed = Durations.parse(text);
		if (parsed == null || parsed.isNegative()) {
			problems.add(new FieldProblem(field, "must be a duration such as 30s, 5m, 4h or 1d"));
		}
	}

	static Severity severity(String text) {
		try {
			return Severity.valueOf(text.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
