package dev.keystone.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the monitoring files live: the module folder, which Maven runs the tests in.
 */
final class Monitoring {

	static final Path HOME = locate();

	static final Path DASHBOARDS = HOME.resolve("dashboards");

	static final Path RULES = HOME.resolve("rules/keystone-rules.yml");

	static final Path RULE_TESTS = HOME.resolve("rules/tests");

	static final Path RUNBOOK = HOME.resolve("runbook.md");

	/** Panels that may show no series; each line says why. */
	static final Path MAY_BE_EMPTY = DASHBOARDS.resolve("may-be-empty.txt");

	private Monitoring() {
	}

	private static Path locate() {
		Path here = Path.of("").toAbsolutePath();
		return Files.isDirectory(here.resolve("dashboards")) ? here : here.resolve("monitoring");
	}

}
