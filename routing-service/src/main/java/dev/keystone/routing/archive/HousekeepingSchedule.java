package dev.keystone.routing.archive;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Runs the archive's housekeeping on its own thread every interval, the first time one
 * interval after start, so a restart loop never turns into a compaction loop.
 */
class HousekeepingSchedule implements SmartLifecycle {

	private final ArchiveHousekeeping housekeeping;

	private final Duration interval;

	private ScheduledExecutorService executor;

	HousekeepingSchedule(ArchiveHousekeeping housekeeping, Duration interval) {
		this.housekeeping = housekeeping;
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors
			.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("archive-housekeeping-"));
		this.executor.scheduleWithFixedDelay(this.housekeeping::run, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
