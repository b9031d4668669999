package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the archive table's committed rows back, as a batch engine would.
 */
public final class ArchiveRows {

	private ArchiveRows() {
	}

	public static List<Record> ofTitle(Table table, String titleId) {
		table.refresh();
		List<Record> rows = new ArrayList<>();
		try (CloseableIterable<Record> records = IcebergGenerics.read(table)
			.where(Expressions.equal("title_id", titleId))
			.build()) {
			records.forEach(rows::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	public static List<String> eventIdsOfTitle(Table table, String titleId) {
		return ofTitle(table, titleId).stream().map((row) -> (String) row.getField("event_id")).toList();
	}

}
