package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/keystone sql} as a user runs it, pointed at the shared stack's archive.
 */
public final class ArchiveSql {

	private ArchiveSql() {
	}

	/**
	 * Runs one statement and waits for it.
	 * @param query the SQL
	 * @param timeout longest wait, the first run building the tool included
	 * @return exit code, standard output and standard error
	 */
	public static Result run(String query, Duration timeout) {
		Path root = ProjectRoot.find();
		try {
			Path out = Files.createTempFile("keystone-sql", ".out");
			Path err = Files.createTempFile("keystone-sql", ".err");
			ProcessBuilder builder = new ProcessBuilder(root.resolve("bin/keystone").toString(), "sql", query)
				.directory(root.toFile())
				.redirectOutput(out.toFile())
				.redirectError(err.toFile());
			builder.environment().putAll(KeystoneStack.shared().archiveEnvironment());
			builder.environment().put("KEYSTONE_HOME", root.resolve("target/keystone-sql").toString());
			Process process = builder.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("bin/keystone sql did not finish within " + timeout + ":\n"
						+ Files.readString(err, StandardCharsets.UTF_8));
			}
			return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	/**
	 * @param exitCode the command's exit code
	 * @param lines standard output, line by line: the CSV
	 * @param errors standard error
	 */
	public record Result(int exitCode, List<String> lines, String errors) {

	}

}
