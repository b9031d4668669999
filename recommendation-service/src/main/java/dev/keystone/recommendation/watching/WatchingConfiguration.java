package dev.keystone.recommendation.watching;

import dev.keystone.recommendation.state.Peers;
import dev.keystone.recommendation.state.Placement;
import dev.keystone.recommendation.state.StateStores;
import dev.keystone.recommendation.system.RecommendationMetrics;
import dev.keystone.recommendation.system.StoredJson;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Watch tracking in the topology and the reads of profile histories.
 */
@Configuration(proxyBeanMethods = false)
class WatchingConfiguration {

	@Bean
	WatchTracker watchTracker(WatchSettings settings, StateStores stores, StoredJson json,
			RecommendationMetrics metrics) {
		return new WatchTracker(settings, stores, json, metrics);
	}

	@Bean
	Profiles profiles(Placement placement, Peers peers, StoredJson json) {
		return new Profiles(placement, peers, json);
	}

}
