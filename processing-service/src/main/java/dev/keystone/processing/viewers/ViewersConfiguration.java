package dev.keystone.processing.viewers;

import java.util.function.Function;

import dev.keystone.events.EventJson;
import dev.keystone.processing.system.WindowSettings;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code viewers} function, bound to {@code events.enriched} and
 * {@code viewers.counts}.
 */
@Configuration(proxyBeanMethods = false)
class ViewersConfiguration {

	@Bean
	Function<KStream<String, String>, KStream<String, String>> viewers(WindowSettings windows, ViewerSketch sketch) {
		return new ViewerCounting(EventJson.newMapper(), windows.grace(), sketch);
	}

}
