package dev.keystone.ingest.segment;

import dev.keystone.events.EventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SegmentConfiguration {

	/**
	 * The contract's strict JSON form, as for native events: duplicate keys, deep nesting
	 * and huge numbers fail the request.
	 */
	@Bean
	SegmentBatchReader segmentBatchReader() {
		return new SegmentBatchReader(EventJson.newMapper());
	}

}
