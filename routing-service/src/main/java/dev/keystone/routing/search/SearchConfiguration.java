package dev.keystone.routing.search;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.routing.sink.RejectionPublisher;
import dev.keystone.routing.sink.SinkSettings;
import dev.keystone.routing.sink.SinkStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

	private final ObjectMapper mapper = EventJson.newMapper();

	@Bean
	IndexSetup indexSetup(ElasticsearchClient client, SearchIndexSettings settings) {
		return new IndexSetup(client, settings);
	}

	/**
	 * Waits for the index setup: a document written before the template is in place would
	 * create its day's index without the explicit mapping.
	 */
	@Bean
	@DependsOn("indexSetup")
	BulkWriter bulkWriter(ElasticsearchClient client, SinkSettings settings, MeterRegistry registry) {
		return new BulkWriter(client, settings, registry);
	}

	@Bean
	Consumer<List<String>> storeEvents(BulkWriter writer, RejectionPublisher rejections, SinkStatus status, Clock clock,
			MeterRegistry registry) {
		Timer storedLatency = Timer.builder("keystone.pipeline.latency")
			.tag("stage", "stored")
			.description("Time from ingest receiving an event until it is stored")
			.publishPercentileHistogram()
			.register(registry);
		return new SearchSink(new EventDocuments(this.mapper), writer, rejections, status, clock, storedLatency);
	}

	@Bean
	Consumer<List<String>> storeAnomalies(BulkWriter writer, RejectionPublisher rejections, SinkStatus status,
			Clock clock, MeterRegistry registry) {
		return new SearchSink(new AnomalyDocuments(this.mapper), writer, rejections, status, clock,
				Timer.builder("keystone.pipeline.latency").tag("stage", "stored").register(registry));
	}

	@Bean
	SearchReindex searchReindex(BulkWriter writer) {
		return new SearchReindex(new EventDocuments(this.mapper), writer);
	}

	@Bean
	SearchQueries searchQueries(ElasticsearchClient client, Clock clock) {
		return new SearchQueries(client, clock);
	}

}
