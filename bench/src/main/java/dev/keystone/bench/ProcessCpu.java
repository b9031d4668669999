package dev.keystone.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process has used, user plus system, from {@code /proc/<pid>/stat}: what one
 * service costs on a machine whose cores it shares with the others.
 */
final class ProcessCpu {

	/** Linux reports {@code utime} and {@code stime} in clock ticks of 1/100 s. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private final long pid;

	ProcessCpu(long pid) {
		this.pid = pid;
	}

	/** CPU time used so far, in nanoseconds (10 ms resolution). */
	long nanos() {
		String stat = read(Path.of("/proc", Long.toString(this.pid), "stat"));
		if (stat == null) {
			throw new IllegalStateException("cannot read the CPU time of process " + this.pid);
		}
		return cpuNanos(stat);
	}

	/**
	 * CPU time used so far by the JIT compiler threads (HotSpot's {@code C1/C2
	 * CompilerThreadN}): on a run of minutes they take a share that a service running for
	 * days does not pay. A compiler thread that has ended takes its time out of this sum.
	 */
	long compilerNanos() {
		long nanos = 0;
		try (DirectoryStream<Path> tasks = Files
			.newDirectoryStream(Path.of("/proc", Long.toString(this.pid), "task"))) {
			for (Path task : tasks) {
				String stat = read(task.resolve("stat"));
				if (stat != null && (stat.contains("(C1 CompilerThre") || stat.contains("(C2 CompilerThre"))) {
					nanos += cpuNanos(stat);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot list the threads of process " + this.pid, ex);
		}
		return nanos;
	}

	private static long cpuNanos(String stat) {
		// The command name in parentheses may hold spaces; the fields after it may not.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
	}

	/** The file's text, or null once the process or thread it describes has ended. */
	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

}
