package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.StringUtils;

/**
 * The Iceberg catalog that holds the archive table, opened on first use so that the
 * service starts, and its other sinks run, while the catalog or the object store is down.
 * The table is created on first use with the archive's schema and partitioning.
 */
public class ArchiveCatalog implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ArchiveCatalog.class);

	/** The catalog's name, as engines that read the table call it too. */
	static final String NAME = "archive";

	private final ArchiveSettings settings;

	private final TableIdentifier identifier;

	private Catalog catalog;

	private Table table;

	public ArchiveCatalog(ArchiveSettings settings) {
		this.settings = settings;
		this.identifier = TableIdentifier.parse(settings.table());
	}

	/**
	 * The archive table in a catalog opened elsewhere, such as Iceberg's in-memory one.
	 */
	ArchiveCatalog(Catalog catalog, String table) {
		this.settings = null;
		this.catalog = catalog;
		this.identifier = TableIdentifier.parse(table);
	}

	/**
	 * The archive table at its latest committed state.
	 * @return the table, refreshed
	 * @throws RuntimeException whatever the catalog or the object store answers when
	 * either is unreachable
	 */
	public synchronized Table table() {
		boolean loaded = this.table != null;
		opened();
		if (loaded) {
			this.table.refresh();
		}
		return this.table;
	}

	/**
	 * A table object of its own, for work on another thread than the sink's (replays,
	 * housekeeping): Iceberg's table objects are not meant to be shared across threads.
	 * @return the table as the catalog holds it now
	 */
	public Table freshTable() {
		return opened().loadTable(this.identifier);
	}

	/**
	 * The catalog, once it holds the table. Leaves the sink's table object as it is: only
	 * the sink's thread refreshes it.
	 */
	private synchronized Catalog opened() {
		if (this.table == null) {
			this.table = loadOrCreate(catalog());
		}
		return this.catalog;
	}

	private Catalog catalog() {
		if (this.catalog == null) {
			if (StringUtils.hasText(this.settings.s3().endpoint())) {
				checksumsOnlyWhereRequired();
			}
			Map<String, String> properties = properties(this.settings);
			if (isSqlite(this.settings)) {
				createParentDirectory(this.settings.catalog().uri().substring("jdbc:sqlite:".length()));
				properties = withCatalogTablesCreated(properties);
			}
			this.catalog = CatalogUtil.buildIcebergCatalog(NAME, properties, null);
		}
		return this.catalog;
	}

	/**
	 * Creates the JDBC catalog's own tables with a catalog that is closed at once, and
	 * returns properties that skip that step. The step leaves a result set open on one
	 * pooled connection once the tables exist, and on SQLite in WAL mode that connection
	 * then reads the database as it was at that moment: its catalog would never see
	 * another writer's commits.
	 */
	private static Map<String, String> withCatalogTablesCreated(Map<String, String> properties) {
		Catalog initializing = CatalogUtil.buildIcebergCatalog(NAME, properties, null);
		try {
			((AutoCloseable) initializing).close();
		}
		catch (Exception ex) {
			log.debug("closing the catalog that created the catalog tables failed", ex);
		}
		Map<String, String> opened = new HashMap<>(properties);
		opened.put("jdbc.init-catalog-tables", "false");
		return opened;
	}

	/** SQLite creates its file, not the folder it is in. */
	private static void createParentDirectory(String file) {
		Path parent = Path.of(file).toAbsolutePath().getParent();
		if (file.isEmpty() || file.startsWith(":") || parent == null) {
			return;
		}
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the catalog's folder " + parent, ex);
		}
	}

	private static boolean isSqlite(ArchiveSettings settings) {
		return settings.catalog().uri().startsWith("jdbc:sqlite:");
	}

	/**
	 * Since 2.30 the AWS SDK signs every upload with a trailing checksum in aws-chunked
	 * encoding, which S3-compatible stores (S3Proxy, Ceph, older MinIO) refuse. Those
	 * stores get the SDK's earlier behaviour unless the operator chose otherwise through
	 * the SDK's own settings.
	 */
	private static void checksumsOnlyWhereRequired() {
		for (String setting : new String[] { "aws.requestChecksumCalculation", "aws.responseChecksumValidation" }) {
			if (System.getProperty(setting) == null) {
				System.setProperty(setting, "when_required");
			}
		}
	}

	private Table loadOrCreate(Catalog catalog) {
		try {
			return withCurrentProperties(catalog.loadTable(this.identifier));
		}
		catch (NoSuchTableException ex) {
			Namespace namespace = this.identifier.namespace();
			if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
				try {
					namespaces.createNamespace(namespace);
				}
				catch (AlreadyExistsException raced) {
					log.debug("namespace {} created meanwhile", namespace);
				}
			}
			try {
				Table created = catalog.buildTable(this.identifier, EventTable.SCHEMA)
					.withPartitionSpec(EventTable.SPEC)
					.withProperties(EventTable.PROPERTIES)
					.create();
				log.info("archive table created table={} location={}", this.identifier, created.location());
				return created;
			}
			catch (AlreadyExistsException raced) {
				return catalog.loadTable(this.identifier);
			}
		}
	}

	/**
	 * A table created by an earlier release gets today's table properties.
	 */
	private static Table withCurrentProperties(Table table) {
		Map<String, String> current = table.properties();
		var update = table.updateProperties();
		boolean changed = false;
		for (Map.Entry<String, String> property : EventTable.PROPERTIES.entrySet()) {
			if (!property.getKey().equals(TableProperties.FORMAT_VERSION)
					&& !property.getValue().equals(current.get(property.getKey()))) {
				update.set(property.getKey(), property.getValue());
				changed = true;
			}
		}
		if (changed) {
			update.commit();
			log.info("archive table properties updated table={}", table.name());
		}
		return table;
	}

	/**
	 * The catalog and file-IO properties, as Iceberg names them, so that any engine
	 * (Spark, Trino, Flink) reads the same table with the same values.
	 * @param settings the archive settings
	 * @return catalog properties
	 */
	static Map<String, String> properties(ArchiveSettings settings) {
		Map<String, String> properties = new HashMap<>();
		ArchiveSettings.Catalog catalog = settings.catalog();
		properties.put(CatalogUtil.ICEBERG_CATALOG_TYPE, catalog.type());
		properties.put(CatalogProperties.URI, catalog.uri());
		properties.put(CatalogProperties.WAREHOUSE_LOCATION, settings.warehouse());
		properties.put(CatalogProperties.FILE_IO_IMPL, SingleDeleteS3FileIO.class.getName());
		putIfText(properties, "jdbc.user", catalog.user());
		putIfText(properties, "jdbc.password", catalog.password());
		putIfText(properties, "credential", catalog.credential());
		putIfText(properties, "token", catalog.token());
		if (isSqlite(settings)) {
			// One writer at a time: a reader such as bin/keystone sql waits for a commit
			// instead of failing with "database is locked".
			properties.put("jdbc.journal_mode", "wal");
			properties.put("jdbc.busy_timeout", "30000");
		}
		ArchiveSettings.S3 s3 = settings.s3();
		putIfText(properties, "s3.endpoint", s3.endpoint());
		properties.put("s3.path-style-access", String.valueOf(s3.pathStyle()));
		properties.put("client.region", s3.region());
		putIfText(properties, "s3.access-key-id", s3.accessKeyId());
		putIfText(properties, "s3.secret-access-key", s3.secretAccessKey());
		// A store that is down fails a commit within seconds, and the sink's own backoff
		// takes
		// over, rather than the consumer sitting in the SDK's retries.
		properties.put("s3.retry.num-retries", "3");
		properties.put("s3.retry.max-wait-ms", "2000");
		return properties;
	}

	private static void putIfText(Map<String, String> properties, String key, String value) {
		if (StringUtils.hasText(value)) {
			properties.put(key, value);
		}
	}

	@Override
	public synchronized void close() throws Exception {
		if (this.catalog instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

}
