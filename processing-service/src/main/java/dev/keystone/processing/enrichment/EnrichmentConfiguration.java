package dev.keystone.processing.enrichment;

import java.time.Clock;

import dev.keystone.events.EventJson;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Enrichment of on-time events with the catalog.
 */
@Configuration(proxyBeanMethods = false)
class EnrichmentConfiguration {

	@Bean
	Enrichment enrichment(Clock clock, MeterRegistry registry) {
		return new Enrichment(EventJson.newMapper(), clock, registry);
	}

}
