package dev.keystone.gateway.keys;

import dev.keystone.gateway.routes.ServiceRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class KeysConfiguration {

	private static final Logger log = LoggerFactory.getLogger(KeysConfiguration.class);

	@Bean
	KeyRing keyRing(ApiKeySettings settings) {
		KeyRing ring = new KeyRing(settings, System.nanoTime());
		if (ring.isEmpty()) {
			log.warn("no API keys configured: every request except /actuator is answered 401");
		}
		else {
			log.info("api keys loaded count={} names={}", settings.keys().size(),
					settings.keys().stream().map(ApiKeySettings.Key::name).toList());
		}
		return ring;
	}

	@Bean
	ApiKeyFilter apiKeyFilter(KeyRing keys, ServiceRoutes routes) {
		return new ApiKeyFilter(keys, routes);
	}

}
