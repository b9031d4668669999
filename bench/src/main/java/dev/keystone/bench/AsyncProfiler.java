package dev.keystone.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * async-profiler attached to a running service with {@code jcmd <pid> JVMTI.agent_load},
 * CPU samples of the measured periods only, written as collapsed stacks (one line per
 * stack with its sample count) for a flame graph or a grep. Used when
 * {@code BENCH_PROFILER} names the agent library.
 */
final class AsyncProfiler {

	private final Path library;

	AsyncProfiler(Path library) {
		this.library = library;
	}

	void start(long pid) {
		agent(pid, "start,event=cpu,interval=1ms");
	}

	void stop(long pid, Path collapsed) {
		agent(pid, "stop,collapsed,file=" + collapsed);
		Report.progress("profile of process %d: %s", pid, collapsed);
	}

	/**
	 * The agent's options go quoted: jcmd would read an unquoted {@code key=value} as its
	 * own named argument.
	 */
	private void agent(long pid, String arguments) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), "JVMTI.agent_load",
					this.library.toString(), '"' + arguments + '"'))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes());
			if (process.waitFor() != 0) {
				Report.progress("jcmd %d JVMTI.agent_load %s failed: %s", pid, arguments, output.strip());
			}
		}
		catch (IOException ex) {
			Report.progress("jcmd %d failed: %s", pid, ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
