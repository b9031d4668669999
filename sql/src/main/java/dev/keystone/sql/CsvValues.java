package dev.keystone.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import scala.collection.Iterable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One result value as CSV text: instants in ISO-8601 UTC, arrays as
 * {@code [a, b]}, null as an empty field.
 */
final class CsvValues {

	private CsvValues() {
	}

	static Object of(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant().toString();
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof Iterable<?> sequence) {
			List<Object> items = new ArrayList<>();
			CollectionConverters.asJava(sequence).forEach((item) -> items.add(of(item)));
			return items.toString();
		}
		return value;
	}

}
