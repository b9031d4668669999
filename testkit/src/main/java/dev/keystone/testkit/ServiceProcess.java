package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/**
 * One of the pipeline's services, started from its built jar as its own process on a free
 * port, pointed at the shared stack, for tests that need the real pipeline end to end.
 * Closing it stops the process; a JVM that dies first takes it along through a shutdown
 * hook.
 */
public final class ServiceProcess implements AutoCloseable {

	private final String module;

	private final int port;

	private final Process process;

	private final Path log;

	private ServiceProcess(String module, int port, Process process, Path log) {
		this.module = module;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/** Starts {@code <module>/target/<module>-*.jar} and waits until it reports ready. */
	public static ServiceProcess start(String module, Map<String, String> environment, String... arguments) {
		Path root = ProjectRoot.find();
		Path jar = root.resolve(module + "/target/" + module + "-0.1.0-SNAPSHOT.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException(jar + " is missing; package the services before running this test");
		}
		KeystoneStack stack = KeystoneStack.shared();
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		try {
			Path log = Files.createDirectories(root.resolve("target/service-logs"))
				.resolve(module + "-" + port + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment()
				.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.kafkaBootstrapServers(), "ELASTICSEARCH_URIS",
						stack.elasticsearchUri(), "CASSANDRA_CONTACT_POINTS", stack.cassandraContactPoint(),
						"CASSANDRA_LOCAL_DATACENTER", stack.cassandraLocalDatacenter()));
			builder.environment().putAll(stack.archiveEnvironment());
			builder.environment().putAll(environment);
			Process process = builder.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			ServiceProcess service = new ServiceProcess(module, port, process, log);
			service.awaitReady();
			return service;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	private void awaitReady() {
		try {
			Awaitility.await(this.module + " ready")
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException(this.module + " exited; see " + this.log);
					}
					try {
						return ServiceEndpoints.get(this.port, "/actuator/health/readiness").statusCode() == 200;
					}
					catch (UncheckedIOException ex) {
						return false;
					}
				});
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/** Kills the process as a crash would (SIGKILL): no shutdown, no last commit. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	public Path log() {
		return this.log;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static String javaCommand() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
