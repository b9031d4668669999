package dev.keystone.processing.system;

import java.nio.file.Path;
import java.util.Properties;

import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;

/**
 * Settings for the windowed functions' TopologyTestDriver tests.
 */
public final class TestDriverConfig {

	private TestDriverConfig() {
	}

	/**
	 * The driver commits after every record, and a RocksDB flush per record makes the
	 * larger tests take minutes; the windows behave the same in memory.
	 */
	public static Properties inMemory(String applicationId, Path stateDir) {
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		config.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG,
				BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
		return config;
	}

}
