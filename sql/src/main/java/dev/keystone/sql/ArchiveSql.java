package dev.keystone.sql;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Runs one Spark SQL statement on the archive and prints its result as CSV with a header
 * line. The archive's catalog is the session's default, so {@code keystone.events} names
 * the table here as in any engine configured with the same catalog.
 */
public final class ArchiveSql {

	private ArchiveSql() {
	}

	public static void main(String[] args) {
		if (args.length != 1 || args[0].isBlank()) {
			System.err.println("usage: bin/keystone sql \"SELECT ...\"");
			System.exit(2);
		}
		SparkSession.Builder builder = SparkSession.builder()
			.appName("keystone-sql")
			.master(System.getenv().getOrDefault("KEYSTONE_SQL_MASTER", "local[*]"))
			.config("spark.ui.enabled", "false")
			.config("spark.sql.session.timeZone", "UTC")
			.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
			.config("spark.sql.defaultCatalog", ArchiveCatalogConfig.NAME);
		ArchiveCatalogConfig.fromEnvironment(System.getenv()).forEach(builder::config);
		SparkSession spark = builder.getOrCreate();
		int status = run(spark, args[0]);
		spark.stop();
		System.exit(status);
	}

	private static int run(SparkSession spark, String query) {
		Dataset<Row> result;
		try {
			result = spark.sql(query);
		}
		catch (Exception ex) {
			// Spark's AnalysisException and ParseException are checked in Java's eyes.
			System.err.println("keystone sql: " + ex.getMessage());
			return 1;
		}
		try {
			print(result, System.out);
			return 0;
		}
		catch (Exception ex) {
			System.err.println("keystone sql: " + ex.getMessage());
			return 1;
		}
	}

	private static void print(Dataset<Row> result, PrintStream out) throws IOException {
		List<String> header = new ArrayList<>();
		for (StructField field : result.schema().fields()) {
			header.add(field.name());
		}
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		CSVPrinter csv = new CSVPrinter(writer,
				CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get());
		for (Iterator<Row> rows = result.toLocalIterator(); rows.hasNext();) {
			Row row = rows.next();
			List<Object> values = new ArrayList<>(row.size());
			for (int i = 0; i < row.size(); i++) {
				values.add(CsvValues.of(row.get(i)));
			}
			csv.printRecord(values);
		}
		csv.flush();
	}

	/**
	 * Environment of the archive, as routing-service reads it.
	 */
	static final class ArchiveCatalogConfig {

		static final String NAME = "archive";

		private ArchiveCatalogConfig() {
		}

		static Map<String, String> fromEnvironment(Map<String, String> env) {
			String prefix = "spark.sql.catalog." + NAME;
			Map<String, String> config = new java.util.LinkedHashMap<>();
			config.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
			config.put(prefix + ".type", env.getOrDefault("KEYSTONE_ARCHIVE_CATALOG_TYPE", "jdbc"));
			config.put(prefix + ".uri", required(env, "KEYSTONE_ARCHIVE_CATALOG_URI"));
			config.put(prefix + ".warehouse", required(env, "KEYSTONE_ARCHIVE_WAREHOUSE"));
			config.put(prefix + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
			config.put(prefix + ".client.region", env.getOrDefault("KEYSTONE_S3_REGION", "us-east-1"));
			config.put(prefix + ".s3.path-style-access", env.getOrDefault("KEYSTONE_S3_PATH_STYLE", "false"));
			putIfSet(config, prefix + ".s3.endpoint", env.get("KEYSTONE_S3_ENDPOINT"));
			putIfSet(config, prefix + ".s3.access-key-id", env.get("AWS_ACCESS_KEY_ID"));
			putIfSet(config, prefix + ".s3.secret-access-key", env.get("AWS_SECRET_ACCESS_KEY"));
			putIfSet(config, prefix + ".jdbc.user", env.get("KEYSTONE_ARCHIVE_CATALOG_USER"));
			putIfSet(config, prefix + ".jdbc.password", env.get("KEYSTONE_ARCHIVE_CATALOG_PASSWORD"));
			putIfSet(config, prefix + ".credential", env.get("KEYSTONE_ARCHIVE_CATALOG_CREDENTIAL"));
			putIfSet(config, prefix + ".token", env.get("KEYSTONE_ARCHIVE_CATALOG_TOKEN"));
			if (config.get(prefix + ".uri").startsWith("jdbc:sqlite:")) {
				config.put(prefix + ".jdbc.journal_mode", "wal");
				config.put(prefix + ".jdbc.busy_timeout", "30000");
			}
			return config;
		}

		private static String required(Map<String, String> env, String name) {
			String value = env.get(name);
			if (value == null || value.isBlank()) {
				throw new IllegalStateException(name + " is not set: run through bin/keystone sql, or set the archive's "
						+ "variables as routing-service has them");
			}
			return value;
		}

		private static void putIfSet(Map<String, String> config, String key, String value) {
			if (value != null && !value.isBlank()) {
				config.put(key, value);
			}
		}

	}

}
