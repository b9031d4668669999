package dev.keystone.processing.viewers;

import dev.keystone.events.EventJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Distinct viewers per title and window.
 */
@Configuration(proxyBeanMethods = false)
class ViewersConfiguration {

	@Bean
	ViewerContributor viewerContributor() {
		return new ViewerContributor();
	}

	@Bean
	ViewerCounts viewerCounts() {
		return new ViewerCounts(EventJson.newMapper());
	}

}
