package dev.keystone.routing.viewers;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.datastax.oss.driver.api.core.CqlSession;
import dev.keystone.events.EventJson;
import dev.keystone.routing.sink.RejectionPublisher;
import dev.keystone.routing.sink.SinkSettings;
import dev.keystone.routing.sink.SinkStatus;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ViewersConfiguration {

	@Bean
	ViewerCountStore viewerCountStore(CqlSession session, ViewerRetention retention) {
		return new ViewerCountStore(session, retention.ttl().toSeconds());
	}

	@Bean
	ViewerCountSink storeViewerCounts(ViewerCountStore store, RejectionPublisher rejections, SinkStatus status,
			SinkSettings retries, ViewerWrites limits, MeterRegistry registry) {
		return new ViewerCountSink(store, EventJson.newMapper(), rejections, status, retries, limits, registry);
	}

	@Bean
	ViewerQueries viewerQueries(ViewerCountStore store, ElasticsearchClient client, Clock clock) {
		return new ViewerQueries(store, new TitleNames(client), clock);
	}

}
