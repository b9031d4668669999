package dev.keystone.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Chooses and starts the stack once per JVM: containers when a Docker engine answers,
 * else the same Maven-fetched servers as the launcher.
 * {@code KEYSTONE_TESTKIT=local|docker} forces one.
 */
enum SharedStack {

	INSTANCE;

	private static final Logger log = LoggerFactory.getLogger(SharedStack.class);

	private KeystoneStack stack;

	synchronized KeystoneStack stack() {
		if (this.stack == null) {
			this.stack = create();
		}
		return this.stack;
	}

	private static KeystoneStack create() {
		String mode = System.getenv().getOrDefault("KEYSTONE_TESTKIT", "auto").toLowerCase(Locale.ROOT);
		boolean docker = switch (mode) {
			case "docker" -> true;
			case "local" -> false;
			default -> dockerAvailable();
		};
		log.info("starting test servers mode={}", docker ? "docker" : "local");
		return docker ? ContainerStack.start() : LocalServerStack.start(ProjectRoot.find());
	}

	/**
	 * Asks Testcontainers only where an engine may be, sparing every build its failed
	 * probe otherwise.
	 */
	private static boolean dockerAvailable() {
		if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
