package dev.keystone.recommendation.state;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Where the stores keep their state. Either way it is changelogged, so a restored task
 * resumes where it left off; RocksDB keeps memory bounded in the service, memory keeps
 * topology tests fast.
 */
public enum StateStores {

	ROCKSDB {

		@Override
		KeyValueBytesStoreSupplier supplier(String name) {
			return Stores.persistentKeyValueStore(name);
		}

	},

	MEMORY {

		@Override
		KeyValueBytesStoreSupplier supplier(String name) {
			return Stores.inMemoryKeyValueStore(name);
		}

	};

	abstract KeyValueBytesStoreSupplier supplier(String name);

	/**
	 * A cached store of JSON values: a burst of heartbeats of one profile reaches the
	 * changelog once per commit, and the values can be handed to another instance as they
	 * are.
	 */
	public StoreBuilder<KeyValueStore<String, String>> json(String name) {
		return Stores.keyValueStoreBuilder(supplier(name), Serdes.String(), Serdes.String()).withCachingEnabled();
	}

}
