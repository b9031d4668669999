package dev.keystone.alert.rules;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import dev.keystone.events.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCheckerTests {

	private static final RuleDefaults DEFAULTS = new RuleDefaults(1, Duration.ofMinutes(10), Duration.ofMinutes(5),
			Duration.ofHours(4), List.of("metric"), Duration.ofSeconds(30));

	private final RuleChecker checker = new RuleChecker(DEFAULTS, Set.of("ops", "pager"));

	@Test
	void namesEveryFieldThatCannotBeUsed() {
		List<RuleChecker.FieldProblem> problems = this.checker
			.problems(List.of(
					new RuleDocument("*", null, "urgent", 0, "ten", null, null, List.of("ops", "nobody"),
							List.of("title"), null),
					new RuleDocument(null, null, null, null, null, "-5m", null, null, null, "30s")));

		assertThat(problems).extracting(RuleChecker.FieldProblem::field)
			.containsExactly("[0].minSeverity", "[0].for", "[0].forWithin", "[0].receivers[1]", "[0].groupBy[0]",
					"[1].resolveAfter");
	}

	@Test
	void fillsWhatARuleLeavesOutWithTheDefaults() {
		RuleSet rules = this.checker.ruleSet(List
			.of(new RuleDocument("error_rate", "title:*", "high", 2, "5m", null, null, List.of("pager"), null, "1s")));

		AlertRule matched = rules.forAlert("error_rate", "title:dark", Severity.CRITICAL);
		assertThat(matched.forWindows()).isEqualTo(2);
		assertThat(matched.forWithin()).isEqualTo(Duration.ofMinutes(5));
		assertThat(matched.resolveAfter()).isEqualTo(Duration.ofMinutes(5));
		assertThat(matched.repeatInterval()).isEqualTo(Duration.ofHours(4));
		assertThat(matched.groupWait()).isEqualTo(Duration.ofSeconds(1));
		assertThat(matched.sendsTo("ops")).isFalse();
		assertThat(matched.sendsTo("pager")).isTrue();
	}

	@Test
	void theFirstMatchingRuleWinsAndAnythingElseGetsTheDefaultsAndEveryReceiver() {
		RuleSet rules = this.checker.ruleSet(
				List.of(new RuleDocument("error_rate", "title:*", "high", null, null, "1m", null, null, null, null),
						new RuleDocument("error_rate", null, null, null, null, "2m", null, null, null, null)));

		assertThat(rules.forAlert("error_rate", "title:x", Severity.HIGH).resolveAfter())
			.isEqualTo(Duration.ofMinutes(1));
		assertThat(rules.forAlert("error_rate", "title:x", Severity.LOW).resolveAfter())
			.isEqualTo(Duration.ofMinutes(2));
		assertThat(rules.forAlert("error_rate", "country:DE", Severity.HIGH).resolveAfter())
			.isEqualTo(Duration.ofMinutes(2));
		AlertRule fallback = rules.forAlert("crashes", "country:DE", Severity.HIGH);
		assertThat(fallback.resolveAfter()).isEqualTo(Duration.ofMinutes(5));
		assertThat(fallback.sendsTo("ops")).isTrue();
	}

	@Test
	void readsDurationsAsOperatorsWriteThem() {
		assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
		assertThat(Durations.parse("4h")).isEqualTo(Duration.ofHours(4));
		assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(Durations.parse("PT90S")).isEqualTo(Duration.ofSeconds(90));
		assertThat(Durations.parse("soon")).isNull();
		assertThat(Durations.parse("5 m")).isNull();
	}

	@Test
	void globsMatchExactValuesAndStars() {
		assertThat(Glob.of("title:*").matches("title:dark-s1e1")).isTrue();
		assertThat(Glob.of("title:*").matches("country:DE")).isFalse();
		assertThat(Glob.of("*").matches("anything")).isTrue();
		assertThat(Glob.of("error_rate").matches("error_rate")).isTrue();
		assertThat(Glob.of("error_rate").matches("error_rates")).isFalse();
		assertThat(Glob.of("a.b*").matches("axb")).isFalse();
		assertThat(Glob.of("*:US").matches("country:US")).isTrue();
	}

}
