package dev.keystone.processing.system;

import java.time.Clock;

import dev.keystone.events.streams.CleanStopMarker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the stage counters and the state stores every step shares, and the state's
 * crash recovery.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Rebuilds the local state after a stop that was not a clean close. */
	@Bean
	CleanStopMarker cleanStopMarker() {
		return new CleanStopMarker();
	}

	@Bean
	StateStores stateStores() {
		return StateStores.ROCKSDB;
	}

	@Bean
	StageCounters stageCounters(MeterRegistry registry) {
		return new StageCounters(registry);
	}

}
