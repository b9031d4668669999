package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.PartitionedFanoutWriter;
import org.apache.iceberg.io.WriteResult;

/**
 * Writes rows into Parquet data files of the table, one or more per day partition, with
 * Iceberg's own writers. The files belong to no snapshot until a commit appends them.
 */
final class DataFileWriter {

	private final long targetFileSize;

	private final AtomicLong tasks = new AtomicLong();

	DataFileWriter(long targetFileSize) {
		this.targetFileSize = targetFileSize;
	}

	List<DataFile> write(Table table, Iterable<Record> rows) {
		OutputFileFactory files = OutputFileFactory.builderFor(table, 1, this.tasks.incrementAndGet())
			.format(FileFormat.PARQUET)
			.operationId(UUID.randomUUID().toString())
			.build();
		// The table's write properties (its Parquet codec above all) reach the writer
		// only
		// when given: without them Iceberg's Parquet writer falls back to gzip.
		GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), table.spec());
		appenders.setAll(table.properties());
		DayWriter writer = new DayWriter(table, appenders, files, this.targetFileSize);
		try {
			for (Record row : rows) {
				writer.write(row);
			}
			WriteResult result = writer.complete();
			return List.of(result.dataFiles());
		}
		catch (IOException | RuntimeException ex) {
			abort(writer);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException(io);
			}
			throw (RuntimeException) ex;
		}
	}

	private static void abort(DayWriter writer) {
		try {
			writer.abort();
		}
		catch (IOException | RuntimeException ex) {
			// the files it could not delete belong to no snapshot; orphan-file cleanup
			// finds them
		}
	}

	private static final class DayWriter extends PartitionedFanoutWriter<Record> {

		private final PartitionKey key;

		private final InternalRecordWrapper wrapper;

		DayWriter(Table table, GenericAppenderFactory appenders, OutputFileFactory files, long targetFileSize) {
			super(table.spec(), FileFormat.PARQUET, appenders, files, table.io(), targetFileSize);
			this.key = new PartitionKey(table.spec(), table.schema());
			this.wrapper = new InternalRecordWrapper(table.schema().asStruct());
		}

		@Override
		protected PartitionKey partition(Record row) {
			this.key.partition(this.wrapper.wrap(row));
			return this.key;
		}

	}

}
