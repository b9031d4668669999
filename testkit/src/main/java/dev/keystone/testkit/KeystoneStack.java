package dev.keystone.testkit;

import java.util.Map;

/**
 * Where the real servers of the current build are, and a way to take one away and bring
 * it back for fault tests. A test that stops a server must start it again before it ends:
 * the servers are shared.
 */
public interface KeystoneStack {

	String kafkaBootstrapServers();

	/** For example {@code http://127.0.0.1:19200}. */
	String elasticsearchUri();

	/** {@code host:port} of the CQL endpoint. */
	String cassandraContactPoint();

	default String cassandraLocalDatacenter() {
		return "datacenter1";
	}

	/** For example {@code http://127.0.0.1:19000}: the archive's object store. */
	String s3Endpoint();

	/** The JDBC URL of the archive's Iceberg catalog. */
	String archiveCatalogUri();

	/** The warehouse of the archive, in the store's bucket. */
	default String archiveWarehouse() {
		return "s3://keystone-archive/warehouse";
	}

	/**
	 * The variables that point routing-service's archive at this stack, as the launcher
	 * sets them.
	 */
	default Map<String, String> archiveEnvironment() {
		return Map.of("KEYSTONE_ARCHIVE_WAREHOUSE", archiveWarehouse(), "KEYSTONE_ARCHIVE_CATALOG_URI",
				archiveCatalogUri(), "KEYSTONE_S3_ENDPOINT", s3Endpoint(), "KEYSTONE_S3_PATH_STYLE", "true",
				"AWS_ACCESS_KEY_ID", "keystone", "AWS_SECRET_ACCESS_KEY", "keystone-local-secret");
	}

	/** Makes the server unreachable, keeping its data. */
	void stop(Server server);

	/** Brings a stopped server back and returns once it serves again. */
	void start(Server server);

	/** The stack every test of this JVM shares, started on first use. */
	static KeystoneStack shared() {
		return SharedStack.INSTANCE.stack();
	}

}
