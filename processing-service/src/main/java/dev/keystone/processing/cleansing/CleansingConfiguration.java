package dev.keystone.processing.cleansing;

import java.time.Clock;

import dev.keystone.events.EventJson;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Cleansing, as the pipeline's first step.
 */
@Configuration(proxyBeanMethods = false)
class CleansingConfiguration {

	@Bean
	Cleansing cleansing(CleansingSettings settings, StageCounters counters, StateStores stores, Clock clock) {
		return new Cleansing(settings, counters, stores, EventJson.newMapper(), clock);
	}

}
