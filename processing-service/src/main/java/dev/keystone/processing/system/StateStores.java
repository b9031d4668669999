package dev.keystone.processing.system;

import java.time.Duration;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Where the processor-API steps keep their state. Either way it is changelogged, so a
 * restored task resumes where it left off; RocksDB keeps memory bounded in the service,
 * memory keeps topology tests fast (their driver commits after every record).
 */
public enum StateStores {

	ROCKSDB {

		@Override
		public KeyValueBytesStoreSupplier keyValue(String name) {
			return Stores.persistentKeyValueStore(name);
		}

		@Override
		public WindowBytesStoreSupplier window(String name, Duration retention, Duration size) {
			return Stores.persistentWindowStore(name, retention, size, false);
		}

	},

	MEMORY {

		@Override
		public KeyValueBytesStoreSupplier keyValue(String name) {
			return Stores.inMemoryKeyValueStore(name);
		}

		@Override
		public WindowBytesStoreSupplier window(String name, Duration retention, Duration size) {
			return Stores.inMemoryWindowStore(name, retention, size, false);
		}

	};

	public abstract KeyValueBytesStoreSupplier keyValue(String name);

	public abstract WindowBytesStoreSupplier window(String name, Duration retention, Duration size);

}
