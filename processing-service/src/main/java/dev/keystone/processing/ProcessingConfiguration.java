package dev.keystone.processing;

import java.util.function.BiFunction;

import dev.keystone.events.EventJson;
import dev.keystone.processing.anomaly.AnomalyDetection;
import dev.keystone.processing.cleansing.Cleansing;
import dev.keystone.processing.enrichment.Enrichment;
import dev.keystone.processing.viewers.ViewerCounts;
import dev.keystone.processing.windowing.Windowing;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code process} function, bound in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingConfiguration {

	@Bean
	BiFunction<KStream<String, String>, GlobalKTable<String, String>, KStream<String, String>[]> process(
			Cleansing cleansing, Windowing windowing, Enrichment enrichment, ViewerCounts viewerCounts,
			AnomalyDetection anomalyDetection) {
		return new ProcessingTopology(cleansing, windowing, enrichment, viewerCounts, anomalyDetection,
				EventJson.newMapper());
	}

}
