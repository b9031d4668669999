package dev.keystone.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's own servers on test ports, beside any stack a developer runs on the
 * standard ones. The launcher watches every Maven process that uses the servers and stops
 * them when the last one exits, so every module's tests share one set of servers, two
 * builds in one clone do not stop each other's, and none outlives the builds.
 */
final class LocalServerStack implements KeystoneStack {

	/**
	 * Moves every server port, so builds in two clones on one machine each get their own
	 * servers; builds in one clone share them.
	 */
	private static final int PORT_OFFSET = Integer
		.parseInt(System.getenv().getOrDefault("KEYSTONE_TEST_PORT_OFFSET", "0"));

	private static final int KAFKA_PORT = 19092 + PORT_OFFSET;

	private static final int ELASTICSEARCH_PORT = 19200 + PORT_OFFSET;

	private static final int CASSANDRA_PORT = 19042 + PORT_OFFSET;

	private static final int S3_PORT = 19000 + PORT_OFFSET;

	private final Path root;

	private final Map<String, String> environment;

	private LocalServerStack(Path root, Map<String, String> environment) {
		this.root = root;
		this.environment = environment;
	}

	static LocalServerStack start(Path root) {
		Map<String, String> environment = Map.of("KEYSTONE_HOME", home(root).toString(), "KEYSTONE_S3_PORT",
				String.valueOf(S3_PORT), "KEYSTONE_KAFKA_PORT", String.valueOf(KAFKA_PORT),
				"KEYSTONE_ELASTICSEARCH_PORT", String.valueOf(ELASTICSEARCH_PORT), "KEYSTONE_CASSANDRA_PORT",
				String.valueOf(CASSANDRA_PORT), "KEYSTONE_CASSANDRA_STORAGE_PORT", String.valueOf(17000 + PORT_OFFSET),
				"KEYSTONE_CASSANDRA_JMX_PORT", String.valueOf(17199 + PORT_OFFSET), "KEYSTONE_WATCH_PID",
				String.valueOf(buildProcess().pid()));
		LocalServerStack stack = new LocalServerStack(root, environment);
		stack.launcher("servers", "up");
		stack.launcher("topics");
		return stack;
	}

	private static Path home(Path root) {
		return root.resolve("target/keystone-test-stack");
	}

	/**
	 * The Maven JVM that forked this test JVM (possibly through a shell), so the servers
	 * live exactly as long as the build; the direct parent when run from an IDE.
	 */
	private static ProcessHandle buildProcess() {
		ProcessHandle self = ProcessHandle.current();
		for (Optional<ProcessHandle> ancestor = self.parent(); ancestor
			.isPresent(); ancestor = ancestor.get().parent()) {
			String command = ancestor.get().info().commandLine().orElse("");
			if (command.contains("plexus-classworlds") || command.contains("org.codehaus.plexus.classworlds")) {
				return ancestor.get();
			}
		}
		return self.parent().orElse(self);
	}

	@Override
	public String kafkaBootstrapServers() {
		return "127.0.0.1:" + KAFKA_PORT;
	}

	@Override
	public String elasticsearchUri() {
		return "http://127.0.0.1:" + ELASTICSEARCH_PORT;
	}

	@Override
	public String cassandraContactPoint() {
		return "127.0.0.1:" + CASSANDRA_PORT;
	}

	@Override
	public String s3Endpoint() {
		return "http://127.0.0.1:" + S3_PORT;
	}

	@Override
	public String archiveCatalogUri() {
		return "jdbc:sqlite:" + home(this.root).resolve("archive/catalog.db");
	}

	@Override
	public void stop(Server server) {
		launcher("server", "stop", server.launcherName());
	}

	@Override
	public void start(Server server) {
		launcher("server", "start", server.launcherName());
	}

	private void launcher(String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(this.root.resolve("bin/keystone").toString());
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.root.toFile()).redirectErrorStream(true);
		builder.environment().putAll(this.environment);
		List<String> output = new ArrayList<>();
		try {
			Process process = builder.start();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					System.out.println("[keystone] " + line);
					output.add(line);
				}
			}
			int exit = process.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("bin/keystone " + String.join(" ", arguments) + " failed with exit "
						+ exit + ":\n" + String.join("\n", output));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running bin/keystone", ex);
		}
	}

}
