package dev.keystone.gateway.routes;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Every public path to its service. Each service has its own circuit breaker, so one dead
 * service fails fast without affecting the others; only idempotent reads are retried.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

	@Bean
	RouteLocator keystoneRoutes(RouteLocatorBuilder builder, ServiceRoutes services) {
		return builder.routes()
			.route("ingest-events",
					(r) -> r
						.path("/v1/events", "/v1/batch", "/v1/track", "/v1/page", "/v1/screen", "/v1/identify",
								"/v1/group", "/v1/alias")
						.and()
						.method(HttpMethod.POST)
						.filters((f) -> breaker(f, "ingest"))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.ingestTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.ingest()))
			.route("ingest-catalog",
					(r) -> r.path("/v1/catalog/**")
						.filters((f) -> retryReads(breaker(f, "ingest")))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.ingestTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.ingest()))
			.route("recommendations",
					(r) -> r.path("/v1/recommendations/**", "/v1/trending", "/v1/titles/*/similar", "/v1/profiles/**")
						.and()
						.method(HttpMethod.GET)
						.filters((f) -> retryReads(breaker(f, "recommendation")))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.readTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.recommendation()))
			.route("routing-reads",
					(r) -> r
						.path("/v1/events", "/v1/events/histogram", "/v1/titles/**", "/v1/viewers/**", "/v1/anomalies")
						.and()
						.method(HttpMethod.GET)
						.filters((f) -> retryReads(breaker(f, "routing")))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.readTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.routing()))
			.route("routing-replays",
					(r) -> r.path("/v1/replays", "/v1/replays/**")
						.filters((f) -> retryReads(breaker(f, "routing")))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.readTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.routing()))
			.route("alert-stream", (r) -> r.path("/v1/alerts/stream")
				.and()
				.method(HttpMethod.GET)
				// A stream of changes stays open: no response timeout ends it, and no
				// breaker counts it as a slow call.
				.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, -1L)
				.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
				.uri(services.alert()))
			.route("alerts",
					(r) -> r.path("/v1/alerts", "/v1/alerts/**", "/v1/silences", "/v1/silences/**", "/v1/alert-rules")
						.filters((f) -> retryReads(breaker(f, "alert")))
						.metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.readTimeout().toMillis())
						.metadata(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR, (int) services.connectTimeout().toMillis())
						.uri(services.alert()))
			.route("ingest-docs",
					(r) -> r.path("/v3/api-docs/ingest")
						.filters((f) -> f.setPath("/v3/api-docs"))
						.uri(services.ingest()))
			.route("alert-docs",
					(r) -> r.path("/v3/api-docs/alert").filters((f) -> f.setPath("/v3/api-docs")).uri(services.alert()))
			.route("recommendation-docs",
					(r) -> r.path("/v3/api-docs/recommendation")
						.filters((f) -> f.setPath("/v3/api-docs"))
						.uri(services.recommendation()))
			.route("routing-docs",
					(r) -> r.path("/v3/api-docs/routing")
						.filters((f) -> f.setPath("/v3/api-docs"))
						.uri(services.routing()))
			.build();
	}

	private static GatewayFilterSpec breaker(GatewayFilterSpec filters, String service) {
		return filters.circuitBreaker((breaker) -> breaker.setName(service)
			.setFallbackUri(URI.create("forward:/fallback/" + service))
			.setStatusCodes(Set.of("502", "504")));
	}

	private static GatewayFilterSpec retryReads(GatewayFilterSpec filters) {
		return filters.retry((retry) -> retry.setRetries(2)
			.setMethods(HttpMethod.GET)
			.setSeries()
			.setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.GATEWAY_TIMEOUT)
			.setExceptions(IOException.class, TimeoutException.class)
			.setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, true));
	}

}
