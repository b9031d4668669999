package dev.keystone.processing.system;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Gives every RocksDB store of this instance one block cache and one write buffer manager
 * charged to that cache, so the off-heap memory of all stores together has a ceiling:
 * {@code keystone.rocksdb.memory-bytes}, of which memtables may take
 * {@code keystone.rocksdb.memtable-bytes}. Left alone, each store takes its own 50 MB
 * block cache and up to three 16 MB memtables, and this service keeps about seven stores
 * per task. Kafka Streams creates this class by name for each store; the cache and
 * manager are made once, from the first store's settings, and shared by all.
 */
public final class BoundedRocksDb implements RocksDBConfigSetter {

	static final String MEMORY_BYTES = "keystone.rocksdb.memory-bytes";

	static final String MEMTABLE_BYTES = "keystone.rocksdb.memtable-bytes";

	/**
	 * Index and filter blocks compete with data blocks for the cache; they get a tenth.
	 */
	private static final double INDEX_FILTER_RATIO = 0.1;

	private static final long BLOCK_SIZE = 16 * 1024;

	/**
	 * The write buffer manager charges a memtable by the arena block, an eighth of the
	 * write buffer by default (up to 2 MB for Kafka Streams' 16 MB write buffers). With
	 * about six written stores per task, the first blocks alone of a dozen tasks'
	 * memtables pass the budget, and it flushes memtables holding a few kilobytes all the
	 * time (a flush thread and two compaction threads busy, the stream threads stalled
	 * behind them). Small blocks charge what a memtable holds.
	 */
	private static final long ARENA_BLOCK_SIZE = 64 * 1024;

	private static Shared shared;

	@Override
	public void setConfig(String storeName, Options options, Map<String, Object> configs) {
		Shared memory = shared(configs);
		// Kafka Streams hands over its own table config; a bare Options has none yet.
		BlockBasedTableConfig table = (options.tableFormatConfig() instanceof BlockBasedTableConfig given) ? given
				: new BlockBasedTableConfig();
		table.setBlockCache(memory.cache());
		table.setCacheIndexAndFilterBlocks(true);
		table.setCacheIndexAndFilterBlocksWithHighPriority(true);
		table.setPinTopLevelIndexAndFilter(true);
		table.setBlockSize(BLOCK_SIZE);
		options.setWriteBufferManager(memory.writeBuffers());
		options.setArenaBlockSize(ARENA_BLOCK_SIZE);
		options.setTableFormatConfig(table);
	}

	@Override
	public void close(String storeName, Options options) {
		// The cache and the manager are shared by every store of the instance and live
		// as long as it does.
	}

	private static synchronized Shared shared(Map<String, Object> configs) {
		if (shared == null) {
			long memory = bytes(configs, MEMORY_BYTES);
			long memtables = bytes(configs, MEMTABLE_BYTES);
			if (memtables >= memory) {
				throw new IllegalArgumentException(MEMTABLE_BYTES + " (" + memtables + ") must be less than "
						+ MEMORY_BYTES + " (" + memory + ")");
			}
			Cache cache = new LRUCache(memory, -1, false, INDEX_FILTER_RATIO);
			shared = new Shared(cache, new WriteBufferManager(memtables, cache));
		}
		return shared;
	}

	private static long bytes(Map<String, Object> configs, String name) {
		Object value = configs.get(name);
		if (value == null) {
			throw new IllegalArgumentException(name + " is not set; application.yml gives it a default");
		}
		long bytes = Long.parseLong(value.toString().trim());
		if (bytes <= 0) {
			throw new IllegalArgumentException(name + " must be positive, not " + bytes);
		}
		return bytes;
	}

	private record Shared(Cache cache, WriteBufferManager writeBuffers) {

	}

}
