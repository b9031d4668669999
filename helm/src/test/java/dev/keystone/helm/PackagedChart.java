package dev.keystone.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart as the build packages it (helm/package-chart: helm/keystone plus monitoring's
 * rules and dashboards), rendered and linted through helm-java.
 */
final class PackagedChart {

	static final Path DIRECTORY = Path.of("target/chart/keystone");

	static final String RELEASE = "ks";

	static final String HOOK = "rendered.helm.sh/hook";

	private static final Path WITH_HOOKS_RENDERED = Path.of("target/chart-with-hooks-rendered");

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private PackagedChart() {
	}

	static List<Path> ciValuesFiles() {
		try (Stream<Path> files = Files.list(DIRECTORY.resolve("ci"))) {
			return files.filter((file) -> file.getFileName().toString().endsWith("-values.yaml")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * helm-java's template leaves hooks (the topics Job and what it needs) out of its
	 * output, as Helm's install keeps them apart from the manifest. The render comes from
	 * a copy whose hook annotations are renamed to {@link #HOOK}, so they render as plain
	 * objects and the tests see both them and their hook annotations.
	 */
	static TemplateCommand template(Path valuesFile) {
		TemplateCommand template = new Helm(withHooksRendered()).template().withName(RELEASE).withNamespace("keystone");
		return (valuesFile != null) ? template.withValuesFile(valuesFile.toAbsolutePath()) : template;
	}

	static Manifest render(Path valuesFile) {
		return Manifest.parse(template(valuesFile).call());
	}

	private static Path hooksRendered;

	private static synchronized Path withHooksRendered() {
		Path chart = WITH_HOOKS_RENDERED.resolve("keystone");
		if (hooksRendered == null) {
			try {
				if (Files.isDirectory(chart)) {
					try (Stream<Path> stale = Files.walk(chart)) {
						for (Path file : stale.sorted(java.util.Comparator.reverseOrder()).toList()) {
							Files.delete(file);
						}
					}
				}
				copy(DIRECTORY, chart);
				try (Stream<Path> templates = Files.list(chart.resolve("templates"))) {
					for (Path template : templates.toList()) {
						Files.writeString(template, Files.readString(template).replace("helm.sh/hook:", HOOK + ":"));
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			hooksRendered = chart;
		}
		return hooksRendered;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

	/**
	 * helm-java lints with the chart's own values only, so each values file is linted as
	 * the values.yaml of a copy of the chart, merged over the defaults as Helm merges.
	 */
	static LintResult lint(Path valuesFile, Path workDirectory) throws IOException {
		Path copy = workDirectory.resolve("keystone");
		copy(DIRECTORY, copy);
		Files.delete(copy.resolve("values.yaml"));
		YAML.writeValue(copy.resolve("values.yaml").toFile(), values(valuesFile));
		return new Helm(copy).lint().strict().call();
	}

	/** The values Helm renders with: the defaults, overridden by the file. */
	static Map<String, Object> values(Path valuesFile) throws IOException {
		Map<String, Object> values = read(DIRECTORY.resolve("values.yaml"));
		return (valuesFile != null) ? merge(values, read(valuesFile)) : values;
	}

	private static Map<String, Object> read(Path file) throws IOException {
		JsonNode values = YAML.readTree(file.toFile());
		return (values == null || values.isMissingNode() || values.isNull()) ? new LinkedHashMap<>()
				: YAML.convertValue(values, new TypeReference<>() {
				});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
		Map<String, Object> merged = new LinkedHashMap<>(base);
		override.forEach((key, value) -> {
			if (value instanceof Map<?, ?> map && merged.get(key) instanceof Map<?, ?> existing) {
				merged.put(key, merge((Map<String, Object>) existing, (Map<String, Object>) map));
			}
			else {
				merged.put(key, value);
			}
		});
		return merged;
	}

}
