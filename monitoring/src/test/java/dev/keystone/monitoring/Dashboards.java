package dev.keystone.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboards of {@code monitoring/dashboards}, read as JSON.
 */
final class Dashboards {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private Dashboards() {
	}

	static List<JsonNode> all() {
		try (Stream<Path> files = Files.list(Monitoring.DASHBOARDS)) {
			List<JsonNode> dashboards = new ArrayList<>();
			for (Path file : files.filter((f) -> f.toString().endsWith(".json")).sorted().toList()) {
				dashboards.add(MAPPER.readTree(file.toFile()));
			}
			return dashboards;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Panels with queries, rows left out. */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		for (JsonNode panel : dashboard.path("panels")) {
			if (panel.path("type").asText().equals("row")) {
				panel.path("panels").forEach(panels::add);
			}
			else {
				panels.add(panel);
			}
		}
		return panels;
	}

	static List<PanelQuery> queries() {
		List<PanelQuery> queries = new ArrayList<>();
		for (JsonNode dashboard : all()) {
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new PanelQuery(dashboard.path("title").asText(), panel.path("title").asText(),
							target.path("refId").asText(), target.path("expr").asText()));
				}
			}
		}
		return queries;
	}

	/**
	 * The documented exceptions: {@code dashboard / panel | why} per line, {@code #}
	 * comments.
	 */
	static List<String> mayBeEmpty() {
		try {
			return Files.readAllLines(Monitoring.MAY_BE_EMPTY)
				.stream()
				.map(String::strip)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.split("\\|", 2)[0].strip())
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
