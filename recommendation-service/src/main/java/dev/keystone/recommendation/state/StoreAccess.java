package dev.keystone.recommendation.state;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's view of a store: the running service's interactive queries, or a test
 * driver's stores.
 */
@FunctionalInterface
public interface StoreAccess {

	ReadOnlyKeyValueStore<String, String> store(String name);

}
