package dev.keystone.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules as Prometheus reads them: promtool checks them and runs their unit
 * tests, and every alert carries what on-call needs.
 */
class AlertRulesTests {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	@Test
	void passPromtoolCheck() throws Exception {
		assertPromtool("check", "rules", Monitoring.RULES.toString());
	}

	@Test
	void passTheirPromtoolUnitTests() throws Exception {
		List<String> command = new ArrayList<>(List.of("test", "rules"));
		try (Stream<Path> tests = Files.list(Monitoring.RULE_TESTS)) {
			tests.filter((f) -> f.toString().endsWith(".yml")).sorted().forEach((f) -> command.add(f.toString()));
		}
		assertThat(command).hasSizeGreaterThan(2);
		assertPromtool(command.toArray(String[]::new));
	}

	@Test
	void giveEveryAlertAForSeveritySummaryAndRunbookSection() throws IOException {
		List<String> sections = Files.readAllLines(Monitoring.RUNBOOK)
			.stream()
			.filter((line) -> line.startsWith("## "))
			.map((line) -> line.substring(3).strip().toLowerCase(Locale.ROOT))
			.toList();
		List<String> alerts = new ArrayList<>();
		for (JsonNode rule : rules()) {
			if (!rule.has("alert")) {
				continue;
			}
			String alert = rule.path("alert").asText();
			alerts.add(alert);
			assertThat(rule.path("for").asText()).as("for: of %s", alert).isNotBlank();
			assertThat(rule.path("labels").path("severity").asText()).as("severity of %s", alert)
				.isIn("critical", "warning");
			assertThat(rule.path("annotations").path("summary").asText()).as("summary of %s", alert).isNotBlank();
			String runbook = rule.path("annotations").path("runbook_url").asText();
			assertThat(runbook).as("runbook_url of %s", alert).startsWith("monitoring/runbook.md#");
			assertThat(sections).as("runbook section of %s", alert)
				.contains(runbook.substring(runbook.indexOf('#') + 1));
		}
		assertThat(alerts).hasSize(sections.size());
	}

	private static List<JsonNode> rules() throws IOException {
		List<JsonNode> rules = new ArrayList<>();
		YAML.readTree(Monitoring.RULES.toFile())
			.path("groups")
			.forEach((group) -> group.path("rules").forEach(rules::add));
		return rules;
	}

	private static void assertPromtool(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(PrometheusBinaries.promtool().toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("%s\n%s", String.join(" ", command), output).isZero();
	}

}
