package dev.keystone.processing.anomaly;

import java.time.Clock;

import dev.keystone.events.EventJson;
import dev.keystone.processing.system.StateStores;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Anomaly detection over the per-scope windows.
 */
@Configuration(proxyBeanMethods = false)
class AnomalyConfiguration {

	@Bean
	ScopeContributor scopeContributor() {
		return new ScopeContributor();
	}

	@Bean
	AnomalyDetection anomalyDetection(AnomalyThresholds thresholds, StateStores stores, Clock clock,
			MeterRegistry registry) {
		return new AnomalyDetection(thresholds, stores, EventJson.newMapper(), clock, registry);
	}

}
