package dev.keystone.routing.archive;

import java.util.Map;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.types.Types;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

/**
 * The archive table's shape: the enriched event's fields in snake_case, typed,
 * partitioned by the day of the event time (hidden partitioning: a filter on
 * {@code timestamp} prunes files).
 */
public final class EventTable {

	public static final Schema SCHEMA = new Schema(required(1, "event_id", Types.StringType.get()),
			optional(2, "type", Types.StringType.get()), required(3, "timestamp", Types.TimestampType.withZone()),
			optional(4, "received_at", Types.TimestampType.withZone()),
			optional(5, "processed_at", Types.TimestampType.withZone()),
			optional(6, "device_id", Types.StringType.get()), optional(7, "device_type", Types.StringType.get()),
			optional(8, "device_class", Types.StringType.get()), optional(9, "session_id", Types.StringType.get()),
			optional(10, "profile_id", Types.StringType.get()), optional(11, "title_id", Types.StringType.get()),
			optional(12, "title_name", Types.StringType.get()),
			optional(13, "title_genres", Types.ListType.ofOptional(21, Types.StringType.get())),
			optional(14, "country", Types.StringType.get()), optional(15, "position_ms", Types.LongType.get()),
			optional(16, "app_version", Types.StringType.get()), optional(17, "name", Types.StringType.get()),
			required(18, "late", Types.BooleanType.get()), optional(19, "properties", Types.StringType.get()),
			optional(20, "ingest_id", Types.StringType.get()));

	public static final PartitionSpec SPEC = PartitionSpec.builderFor(SCHEMA).day("timestamp").build();

	/**
	 * Parquet with zstd, sorted scans pruned by the column statistics, and old metadata
	 * files removed as new ones are written: a commit a minute would otherwise leave half
	 * a million metadata files a year.
	 */
	static final Map<String, String> PROPERTIES = Map.of(TableProperties.DEFAULT_FILE_FORMAT, "parquet",
			TableProperties.PARQUET_COMPRESSION, "zstd", TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true",
			TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20", TableProperties.FORMAT_VERSION, "2");

	private EventTable() {
	}

}
