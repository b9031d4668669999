package dev.keystone.routing.archive;

import java.time.Duration;

import dev.keystone.testkit.KeystoneStack;

import org.springframework.util.unit.DataSize;

/**
 * Archive settings pointing at the test stack's object store and catalog, for tests that
 * read a table outside a Spring context.
 */
final class ArchiveSettingsForTests {

	private ArchiveSettingsForTests() {
	}

	/**
	 * Settings whose store and catalog are never reached, for tests on an in-memory
	 * catalog.
	 */
	static ArchiveSettings of(String table) {
		return new ArchiveSettings(true, "s3://unused/warehouse", table,
				new ArchiveSettings.Catalog("jdbc", "jdbc:sqlite::memory:", null, null, null, null),
				new ArchiveSettings.S3(null, "us-east-1", true, null, null), Duration.ofSeconds(1), 1000,
				DataSize.ofMegabytes(8), DataSize.ofMegabytes(128), new ArchiveSettings.Housekeeping(
						Duration.ofHours(1), DataSize.ofMegabytes(32), 8, Duration.ofDays(1), 100, Duration.ZERO));
	}

	static ArchiveSettings of(KeystoneStack stack, String table) {
		var env = stack.archiveEnvironment();
		return new ArchiveSettings(true, stack.archiveWarehouse(), table,
				new ArchiveSettings.Catalog("jdbc", stack.archiveCatalogUri(), null, null, null, null),
				new ArchiveSettings.S3(stack.s3Endpoint(), "us-east-1", true, env.get("AWS_ACCESS_KEY_ID"),
						env.get("AWS_SECRET_ACCESS_KEY")),
				Duration.ofSeconds(1), 1000, DataSize.ofMegabytes(8), DataSize.ofMegabytes(128),
				new ArchiveSettings.Housekeeping(Duration.ofHours(1), DataSize.ofMegabytes(32), 8, Duration.ofDays(1),
						100, Duration.ZERO));
	}

}
