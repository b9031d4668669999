package dev.keystone.gateway.browser;

import java.time.Duration;
import java.util.List;

import dev.keystone.gateway.routes.ServiceRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class BrowserSdkConfiguration {

	/** The tracking API's paths, long and short, that a web page may call. */
	private static final List<String> TRACKING_PATHS = List.of("/v1/batch", "/v1/track", "/v1/page", "/v1/screen",
			"/v1/identify", "/v1/group", "/v1/alias", "/v1/t", "/v1/p", "/v1/s", "/v1/i", "/v1/g", "/v1/a", "/v1/b");

	@Bean
	BrowserSdkFilter browserSdkFilter(ServiceRoutes routes) {
		return new BrowserSdkFilter(routes.maxIngestSize());
	}

	/**
	 * First of all filters, so that a preflight needs no key and every answer a page
	 * reads, a 401 or 429 included, carries the headers that let the page read it.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	CorsWebFilter trackingCorsFilter(BrowserSdkSettings settings) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOriginPatterns(settings.allowedOrigins());
		cors.setAllowedMethods(List.of(HttpMethod.POST.name()));
		cors.setAllowedHeaders(List.of("Content-Type", "Authorization", "Content-Encoding"));
		cors.setExposedHeaders(
				List.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id"));
		cors.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		TRACKING_PATHS.forEach((path) -> source.registerCorsConfiguration(path, cors));
		return new CorsWebFilter(source);
	}

}
