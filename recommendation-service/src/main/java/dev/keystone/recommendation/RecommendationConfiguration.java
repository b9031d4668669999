package dev.keystone.recommendation;

import java.util.function.BiConsumer;

import dev.keystone.recommendation.system.StoredJson;
import dev.keystone.recommendation.titles.Catalog;
import dev.keystone.recommendation.titles.TitleBoard;
import dev.keystone.recommendation.watching.WatchTracker;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code recommend} function, bound in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

	@Bean
	BiConsumer<KStream<String, String>, GlobalKTable<String, String>> recommend(WatchTracker watchTracker,
			TitleBoard titleBoard, Catalog catalog, StoredJson json) {
		return new RecommendationTopology(watchTracker, titleBoard, catalog, json);
	}

}
