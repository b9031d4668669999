package dev.keystone.recommendation.titles;

import java.time.Clock;

import dev.keystone.recommendation.state.Peers;
import dev.keystone.recommendation.state.Placement;
import dev.keystone.recommendation.state.StateStores;
import dev.keystone.recommendation.system.StoredJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The title stores in the topology, their reads, and the catalog.
 */
@Configuration(proxyBeanMethods = false)
class TitlesConfiguration {

	@Bean
	Catalog catalog(StoredJson json) {
		return new Catalog(json.mapper());
	}

	@Bean
	CatalogTitles catalogTitles(Placement placement, Catalog catalog) {
		return new CatalogTitles(placement, catalog);
	}

	@Bean
	TitleBoard titleBoard(TitleSettings settings, StateStores stores, StoredJson json) {
		return new TitleBoard(settings, stores, json);
	}

	@Bean
	Titles titles(Placement placement, Peers peers, TitleSettings settings, StoredJson json, Clock clock) {
		return new Titles(placement, peers, new TitleQueries(placement, settings, json, clock));
	}

}
