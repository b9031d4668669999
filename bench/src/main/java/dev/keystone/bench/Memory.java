package dev.keystone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of a process on Linux, from {@code /proc/<pid>/status}: now
 * ({@code VmRSS}) and at its peak ({@code VmHWM}), in bytes; NaN where it cannot be read.
 */
record Memory(String pid) {

	static Memory self() {
		return new Memory("self");
	}

	static Memory of(String pid) {
		return new Memory(pid);
	}

	double rss() {
		return field("VmRSS:");
	}

	double peakRss() {
		return field("VmHWM:");
	}

	private double field(String name) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", this.pid, "status"))) {
				if (line.startsWith(name)) {
					return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
		return Double.NaN;
	}

}
