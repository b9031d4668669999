package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A server process a test starts for itself from the launcher's copy, in a temporary home
 * that is deleted with it: its console goes to {@code console.log} there, so a server
 * that dies can be read about.
 */
final class ScratchServer implements AutoCloseable {

	private final Process process;

	private final Workspace workspace;

	private final Duration stopTimeout;

	private ScratchServer(Process process, Workspace workspace, Duration stopTimeout) {
		this.process = process;
		this.workspace = workspace;
		this.stopTimeout = stopTimeout;
	}

	/**
	 * The launcher's copy of a server, a fresh temporary home and a free client port.
	 * @param name the server as a person reads it in an error
	 * @param library the server's folder in the launcher's cache, such as
	 * {@code kafka-3.9.1}
	 * @param homePrefix names the temporary home
	 * @return where the server will run from
	 */
	static Workspace prepare(String name, String library, String homePrefix) throws IOException {
		Path root = ProjectRoot.find();
		return new Workspace(name, root, LauncherCache.fetched(root, library), Files.createTempDirectory(homePrefix),
				LauncherCache.freePort());
	}

	/** The java of the running JVM, which runs the launcher's servers too. */
	static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	static ScratchServer start(Workspace workspace, Duration stopTimeout, List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(workspace.home().resolve("console.log").toFile())
			.start();
		return new ScratchServer(process, workspace, stopTimeout);
	}

	/** {@code 127.0.0.1:port} of the client port. */
	String address() {
		return "127.0.0.1:" + this.workspace.port();
	}

	int port() {
		return this.workspace.port();
	}

	/**
	 * Waits until {@code ready} answers true, failing at once if the server exits.
	 */
	void awaitReady(Duration atMost, Duration pollInterval, Callable<Boolean> ready) {
		await().atMost(atMost).pollInterval(pollInterval).ignoreExceptions().until(() -> {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.workspace.name() + " exited; see " + this.workspace.home().resolve("console.log"));
			}
			return ready.call();
		});
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(this.stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
			try (Stream<Path> files = Files.walk(this.workspace.home())) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Where a scratch server runs from.
	 *
	 * @param name the server as a person reads it in an error
	 * @param root the project, for its stack configuration
	 * @param lib the server's jars
	 * @param home its temporary home
	 * @param port its client port
	 */
	record Workspace(String name, Path root, Path lib, Path home, int port) {

	}

}
