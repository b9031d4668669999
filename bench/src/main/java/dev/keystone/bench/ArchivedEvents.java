package dev.keystone.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * The rows of one run in the archive table, counted by event id, as a batch reader finds
 * them.
 */
final class ArchivedEvents {

	private final Catalog catalog;

	ArchivedEvents(Map<String, String> env) {
		this.catalog = ArchiveTable.catalog(env);
	}

	/** Copies of each event id that starts with {@code prefix}. */
	Map<String, Integer> copies(String prefix) {
		Map<String, Integer> copies = new HashMap<>();
		Table table = this.catalog.loadTable(TableIdentifier.of("keystone", "events"));
		try (CloseableIterable<Record> rows = IcebergGenerics.read(table)
			.select("event_id")
			.where(Expressions.startsWith("event_id", prefix))
			.build()) {
			rows.forEach((row) -> copies.merge((String) row.getField("event_id"), 1, Integer::sum));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return copies;
	}

}
