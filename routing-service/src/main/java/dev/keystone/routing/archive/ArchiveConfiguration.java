package dev.keystone.routing.archive;

import java.time.Clock;

import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.routing.sink.SinkSettings;
import dev.keystone.routing.sink.SinkStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.event.ListenerContainerIdleEvent;

@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

	@Bean(destroyMethod = "close")
	ArchiveCatalog archiveCatalog(ArchiveSettings settings) {
		return new ArchiveCatalog(settings);
	}

	@Bean
	EventRows eventRows() {
		return new EventRows(EventJson.newMapper());
	}

	/**
	 * The sink of the topic its binding reads, {@code events.enriched} unless configured
	 * otherwise: the table's offsets are recorded under that topic's name.
	 */
	@Bean
	ArchiveSink archiveEvents(ArchiveCatalog catalog, EventRows rows, ArchiveSettings settings, SinkStatus status,
			SinkSettings retries, Clock clock, MeterRegistry registry, Environment environment) {
		String topic = environment.getProperty(
				"spring.cloud.stream.bindings." + ArchiveRebalance.BINDING + ".destination", Topics.EVENTS_ENRICHED);
		ArchiveSink sink = new ArchiveSink(topic, catalog, rows, settings, status, clock, ArchiveMeters.of(registry),
				new Backoff(retries.initialBackoff(), retries.maxBackoff()));
		Gauge.builder("keystone.archive.lag", sink, ArchiveSink::lagSeconds)
			.baseUnit("seconds")
			.description("Age of the oldest event read from events.enriched and not yet committed to the archive")
			.register(registry);
		return sink;
	}

	@Bean
	ArchiveScan archiveScan(ArchiveCatalog catalog, EventRows rows) {
		return new ArchiveScan(catalog, rows);
	}

	@Bean
	ArchiveHousekeeping archiveHousekeeping(ArchiveCatalog catalog, ArchiveSettings settings, Clock clock,
			MeterRegistry registry) {
		return new ArchiveHousekeeping(catalog, settings, clock, registry);
	}

	@Bean
	@ConditionalOnProperty(name = "keystone.routing.archive.enabled", havingValue = "true", matchIfMissing = true)
	HousekeepingSchedule archiveHousekeepingSchedule(ArchiveHousekeeping housekeeping, ArchiveSettings settings) {
		return new HousekeepingSchedule(housekeeping, settings.housekeeping().interval());
	}

	@Bean
	ArchiveRebalance archiveRebalance(ArchiveSink sink) {
		return new ArchiveRebalance(sink);
	}

	@Bean
	IdleCommits archiveIdleCommits(ArchiveSink sink) {
		return new IdleCommits(sink);
	}

	/**
	 * The container's idle events arrive on its consumer thread, where the sink may use
	 * the consumer.
	 */
	static final class IdleCommits {

		private final ArchiveSink sink;

		IdleCommits(ArchiveSink sink) {
			this.sink = sink;
		}

		@EventListener
		void onIdle(ListenerContainerIdleEvent event) {
			this.sink.idle(event.getConsumer());
		}

	}

}
