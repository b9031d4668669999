package dev.keystone.routing.archive;

import java.time.Duration;

import dev.keystone.routing.sink.SinkMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The archive's metrics: the sinks' common ones under {@code sink="archive"}, its
 * commits, and how long events waited on {@code events.enriched} before a commit took
 * them in.
 *
 * @param sink records written by outcome and time per commit
 * @param commits Iceberg commits that appended events
 * @param freshness time from an event's Kafka timestamp to the commit that holds it
 */
record ArchiveMeters(SinkMetrics sink, Counter commits, Timer freshness) {

	static ArchiveMeters of(MeterRegistry registry) {
		return new ArchiveMeters(SinkMetrics.of(registry, ArchiveSink.SINK),
				Counter.builder("keystone.archive.commits")
					.description("Iceberg commits of the archive table that appended events")
					.register(registry),
				Timer.builder("keystone.archive.freshness")
					.description("Time from an event's arrival on events.enriched to the archive commit that holds it")
					.publishPercentileHistogram()
					// Commits come every minute by default: buckets up to a quarter of an
					// hour, not Micrometer's 30 s.
					.minimumExpectedValue(Duration.ofMillis(100))
					.maximumExpectedValue(Duration.ofMinutes(15))
					.register(registry));
	}

}
