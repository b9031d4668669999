package dev.keystone.recommendation.system;

import java.time.Clock;

import dev.keystone.events.streams.CleanStopMarker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the JSON of stored records, the service's metrics and the state's crash
 * recovery.
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
	StoredJson storedJson() {
		return StoredJson.standard();
	}

	@Bean
	RecommendationMetrics recommendationMetrics(MeterRegistry registry, Clock clock) {
		return new RecommendationMetrics(registry, clock);
	}

	@Bean
	RequestCounter requestCounter(MeterRegistry registry) {
		return new RequestCounter(registry);
	}

}
