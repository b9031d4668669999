package dev.keystone.routing.sink;

import java.time.Clock;

import dev.keystone.events.EventJson;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RejectionConfiguration {

	@Bean
	RejectionPublisher rejectionPublisher(StreamBridge bridge, Clock clock) {
		return new RejectionPublisher(bridge, EventJson.newMapper(), clock);
	}

}
