package dev.keystone.processing.system;

import java.time.Clock;

import dev.keystone.events.EventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock and the event-time extractor the windowed functions' bindings name.
 */
@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** Named in {@code application.yml} as {@code timestampExtractorBeanName}. */
	@Bean
	EventTimeExtractor eventTimeExtractor() {
		return new EventTimeExtractor(EventJson.newMapper());
	}

}
