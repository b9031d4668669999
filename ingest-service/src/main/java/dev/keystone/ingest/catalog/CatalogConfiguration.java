package dev.keystone.ingest.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.ingest.events.IngestLimits;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

	private final ObjectMapper mapper = EventJson.newMapper();

	@Bean
	CatalogView catalogView() {
		return new CatalogView(this.mapper);
	}

	@Bean
	Catalog catalog(KafkaTemplate<String, byte[]> kafka, CatalogView view, IngestLimits limits) {
		return new Catalog(kafka, this.mapper, view, limits.sendTimeout());
	}

}
