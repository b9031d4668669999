package dev.keystone.processing.system;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedRocksDbTests {

	static {
		RocksDB.loadLibrary();
	}

	private final Map<String, Object> configs = Map.of(BoundedRocksDb.MEMORY_BYTES, "67108864",
			BoundedRocksDb.MEMTABLE_BYTES, "16777216");

	@Test
	void chargesEveryStoreToOneWriteBufferManager() {
		try (Options first = new Options(); Options second = new Options()) {
			new BoundedRocksDb().setConfig("dedupe-event-ids", first, this.configs);
			new BoundedRocksDb().setConfig("window-tallies", second, this.configs);

			assertThat(first.writeBufferManager()).isNotNull().isSameAs(second.writeBufferManager());
		}
	}

}
