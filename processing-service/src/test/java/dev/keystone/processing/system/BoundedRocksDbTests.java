package dev.keystone.processing.system;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

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

	/**
	 * As many lightly written stores as a dozen tasks keep: together they hold a few
	 * hundred kilobytes, far under the memtable budget, so nothing may be flushed yet.
	 * Charged by 2 MB arena blocks they would pass the 16 MB budget and be flushed.
	 */
	@Test
	void chargesLightlyWrittenMemtablesWhatTheyHold(@TempDir Path dir) throws RocksDBException {
		List<Options> options = new ArrayList<>();
		List<RocksDB> stores = new ArrayList<>();
		try {
			for (int store = 0; store < 24; store++) {
				// Kafka Streams' write buffer size.
				Options storeOptions = new Options().setCreateIfMissing(true).setWriteBufferSize(16 * 1024 * 1024);
				options.add(storeOptions);
				new BoundedRocksDb().setConfig("store-" + store, storeOptions, this.configs);
				RocksDB db = RocksDB.open(storeOptions, dir.resolve("store-" + store).toString());
				stores.add(db);
				for (int key = 0; key < 100; key++) {
					db.put(("session-" + key).getBytes(), new byte[64]);
				}
			}
			// A flush the manager asks for switches the memtable on the write path, so
			// it shows at once as an immutable memtable, or as a file once written.
			for (RocksDB db : stores) {
				assertThat(db.getProperty("rocksdb.num-immutable-mem-table")).isEqualTo("0");
				assertThat(db.getLiveFilesMetaData()).isEmpty();
			}
		}
		finally {
			stores.forEach(RocksDB::close);
			options.forEach(Options::close);
		}
	}

}
