package dev.keystone.bench;

import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;

/**
 * The bench stack's Iceberg catalog, configured as routing-service's archive is, from the
 * same variables: the S3Proxy of the bench stack and its SQLite catalog file.
 */
final class ArchiveTable {

	private ArchiveTable() {
	}

	static Catalog catalog(Map<String, String> env) {
		// S3Proxy, like many S3-compatible stores, refuses the AWS SDK's newer trailing
		// checksums.
		System.setProperty("aws.requestChecksumCalculation", "when_required");
		System.setProperty("aws.responseChecksumValidation", "when_required");
		Map<String, String> properties = new HashMap<>();
		properties.put(CatalogUtil.ICEBERG_CATALOG_TYPE, "jdbc");
		properties.put("uri", env.get("KEYSTONE_ARCHIVE_CATALOG_URI"));
		properties.put("warehouse", env.getOrDefault("KEYSTONE_ARCHIVE_WAREHOUSE", "s3://keystone-archive/warehouse"));
		properties.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
		properties.put("s3.endpoint", env.get("KEYSTONE_S3_ENDPOINT"));
		properties.put("s3.path-style-access", "true");
		properties.put("client.region", "us-east-1");
		properties.put("s3.access-key-id", env.get("AWS_ACCESS_KEY_ID"));
		properties.put("s3.secret-access-key", env.get("AWS_SECRET_ACCESS_KEY"));
		properties.put("jdbc.journal_mode", "wal");
		properties.put("jdbc.busy_timeout", "30000");
		return CatalogUtil.buildIcebergCatalog("archive", properties, null);
	}

}
