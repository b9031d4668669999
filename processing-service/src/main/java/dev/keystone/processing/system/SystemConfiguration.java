package dev.keystone.processing.system;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the stage counters and the state stores every step shares.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
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
