package dev.keystone.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the checkout that holds the launcher, whichever module a test runs in.
 */
final class ProjectRoot {

	private ProjectRoot() {
	}

	static Path find() {
		String configured = System.getProperty("keystone.root");
		if (configured != null && Files.isExecutable(Path.of(configured, "bin", "keystone"))) {
			return Path.of(configured).toAbsolutePath();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (Files.isExecutable(dir.resolve("bin/keystone"))) {
				return dir;
			}
		}
		throw new IllegalStateException("no bin/keystone above " + Path.of("").toAbsolutePath()
				+ "; run the tests from a Keystone checkout or set -Dkeystone.root");
	}

}
