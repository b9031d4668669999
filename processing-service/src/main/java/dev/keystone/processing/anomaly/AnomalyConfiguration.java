package dev.keystone.processing.anomaly;

import java.time.Clock;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.processing.system.WindowSettings;
import dev.keystone.processing.viewers.ViewerSketch;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code anomalies} function, bound to {@code events.enriched} and {@code anomalies}.
 */
@Configuration(proxyBeanMethods = false)
class AnomalyConfiguration {

	@Bean
	Function<KStream<String, String>, KStream<String, String>> anomalies(AnomalyThresholds thresholds,
			WindowSettings windows, ViewerSketch sketch, Clock clock, MeterRegistry registry) {
		ObjectMapper mapper = EventJson.newMapper();
		Judge judge = new Judge(new Detector(thresholds, clock), mapper, registry);
		return new AnomalyDetection(mapper, windows.grace(), sketch, judge);
	}

}
