package dev.keystone.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The servers bin/keystone fetches, for tests that start a differently configured server
 * of their own beside the shared stack.
 */
final class LauncherCache {

	private LauncherCache() {
	}

	/**
	 * A fetched server's folder of jars, fetching first if it is missing.
	 * @param root the checkout
	 * @param server e.g. {@code kafka-3.9.1}
	 * @return its lib folder
	 */
	static Path fetched(Path root, String server) throws IOException {
		Path lib = cache().resolve(server).resolve("lib");
		if (!Files.isDirectory(lib)) {
			run(List.of(root.resolve("bin/keystone").toString(), "fetch"),
					Files.createTempFile("keystone-fetch", ".log"));
		}
		return lib;
	}

	/** Where bin/keystone keeps what it fetches. */
	private static Path cache() {
		String configured = System.getenv("KEYSTONE_CACHE");
		if (configured != null && !configured.isEmpty()) {
			return Path.of(configured);
		}
		if ("root".equals(System.getProperty("user.name"))) {
			return Path.of("/var/cache/keystone");
		}
		String xdg = System.getenv("XDG_CACHE_HOME");
		return ((xdg != null && !xdg.isEmpty()) ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
			.resolve("keystone");
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void run(List<String> command, Path log) throws IOException {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(log));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
