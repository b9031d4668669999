package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads archived events back: those whose event time lies in a range and whose fields
 * equal the given values. The range prunes day partitions and the column statistics prune
 * files, so a short range reads little of a long archive.
 */
public class ArchiveScan {

	private final ArchiveCatalog catalog;

	private final EventRows rows;

	public ArchiveScan(ArchiveCatalog catalog, EventRows rows) {
		this.catalog = catalog;
		this.rows = rows;
	}

	/**
	 * Hands every matching event to {@code each}, as {@code events.enriched} carried it.
	 * @param from first event time, inclusive
	 * @param to last event time, exclusive
	 * @param equals archive column to required value, for the columns to filter on
	 * @param each receives the events one by one
	 */
	public void forEach(Instant from, Instant to, Map<String, String> equals, Consumer<ObjectNode> each) {
		Expression filter = Expressions.and(Expressions.greaterThanOrEqual("timestamp", micros(from)),
				Expressions.lessThan("timestamp", micros(to)));
		for (Map.Entry<String, String> field : equals.entrySet()) {
			filter = Expressions.and(filter, Expressions.equal(field.getKey(), field.getValue()));
		}
		try (CloseableIterable<Record> matches = IcebergGenerics.read(this.catalog.freshTable())
			.where(filter)
			.build()) {
			for (Record row : matches) {
				each.accept(this.rows.toEvent(row));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Iceberg's timestamp literal: microseconds since the epoch. */
	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

}
