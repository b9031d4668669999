package dev.keystone.monitoring;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds {@code promtool} and {@code prometheus} on the {@code PATH} (Debian's
 * {@code prometheus} package installs both in {@code /usr/bin}), and fails with how to
 * install them rather than skipping.
 */
final class PrometheusBinaries {

	private static final String INSTALL = "install Debian's prometheus package (apt-get install --no-install-recommends prometheus), "
			+ "which brings /usr/bin/prometheus and /usr/bin/promtool; .ci/run does so on a fresh machine";

	private PrometheusBinaries() {
	}

	static Path promtool() {
		return find("promtool");
	}

	static Path prometheus() {
		return find("prometheus");
	}

	private static Path find(String name) {
		List<String> directories = new ArrayList<>(
				List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
		directories.add("/usr/bin");
		for (String directory : directories) {
			Path candidate = Path.of(directory.isEmpty() ? "." : directory, name);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		throw new IllegalStateException(name + " is not installed: " + INSTALL);
	}

}
