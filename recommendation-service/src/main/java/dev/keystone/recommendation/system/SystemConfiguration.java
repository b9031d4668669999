package dev.keystone.recommendation.system;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the JSON of stored records and the service's metrics.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
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
