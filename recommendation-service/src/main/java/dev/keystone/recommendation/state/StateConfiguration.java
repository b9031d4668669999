package dev.keystone.recommendation.state;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Where the stores live, how other instances are asked, and the stores' sizes as gauges.
 */
@Configuration(proxyBeanMethods = false)
class StateConfiguration {

	@Bean
	StateStores stateStores() {
		return StateStores.ROCKSDB;
	}

	@Bean
	Placement placement(InteractiveQueryService queries, MeterRegistry registry) {
		Placement placement = new Placement(queries);
		for (String store : List.of(StoreNames.PROFILES, StoreNames.TRENDING, StoreNames.CO_WATCH,
				StoreNames.CATALOG)) {
			Gauge.builder("keystone.recommendation.store.entries", placement, (held) -> held.entries(store))
				.description("Approximate entries of a store held by this instance")
				.tag("store", store)
				.register(registry);
		}
		return placement;
	}

	@Bean
	Peers peers(RestClient.Builder builder) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(Duration.ofSeconds(2));
		requests.setReadTimeout(Duration.ofSeconds(5));
		return new Peers(builder.requestFactory(requests).build());
	}

}
