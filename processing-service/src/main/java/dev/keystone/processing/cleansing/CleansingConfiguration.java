package dev.keystone.processing.cleansing;

import java.time.Clock;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.processing.enrichment.Enrichment;
import dev.keystone.processing.system.WindowSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code cleanse} function, bound to {@code events.raw} and {@code catalog.titles}.
 */
@Configuration(proxyBeanMethods = false)
class CleansingConfiguration {

	@Bean
	BiFunction<KStream<String, String>, GlobalKTable<String, String>, KStream<String, String>[]> cleanse(
			CleansingSettings settings, WindowSettings windows, Clock clock, MeterRegistry registry) {
		ObjectMapper mapper = EventJson.newMapper();
		StageCounters counters = new StageCounters(registry);
		return new CleansePipeline(new Cleanser(new EventCheck(mapper, settings, windows.grace(), clock), counters),
				new Deduplicator(settings.dedupRetention(), counters), new Enrichment(mapper, clock, registry), mapper);
	}

}
