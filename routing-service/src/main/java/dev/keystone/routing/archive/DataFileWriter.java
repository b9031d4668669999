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

	/** Files of all the given rows. */
	List<DataFile> write(Table table, Iterable<Record> rows) {
		OpenFiles files = open(table);
		for (Record row : rows) {
			files.write(row);
		}
		return files.complete();
	}

	/** New files of the table, taking rows one at a time until completed or aborted. */
	OpenFiles open(Table table) {
		OutputFileFactory files = OutputFileFactory.builderFor(table, 1, this.tasks.incrementAndGet())
			.format(FileFormat.PARQUET)
			.operationId(UUID.randomUUID().toString())
			.build();
		// The table's write properties (its Parquet codec above all) reach the
		// writer only when given: without them Iceberg's Parquet writer falls
		// back to gzip.
		GenericAppenderFactory appenders = new GenericAppenderFactory(table.schema(), table.spec());
		appenders.setAll(table.properties());
		return new OpenFiles(new DayWriter(table, appenders, files, this.targetFileSize));
	}

	/**
	 * Files being written. A failure to write or complete aborts them, so that what was
	 * uploaded is deleted; the caller starts again with new files.
	 */
	static final class OpenFiles {

		private final DayWriter writer;

		private long rows;

		private OpenFiles(DayWriter writer) {
			this.writer = writer;
		}

		void write(Record row) {
			try {
				this.writer.write(row);
				this.rows++;
			}
			catch (IOException | RuntimeException ex) {
				throw failed(ex);
			}
		}

		long rows() {
			return this.rows;
		}

		List<DataFile> complete() {
			try {
				return List.of(this.writer.complete().dataFiles());
			}
			catch (IOException | RuntimeException ex) {
				throw failed(ex);
			}
		}

		/** Gives the files up: closes them and deletes what was uploaded. */
		void abort() {
			try {
				this.writer.abort();
			}
			catch (IOException | RuntimeException ex) {
				// the files it could not delete belong to no snapshot; orphan-file
				// cleanup finds them
			}
		}

		private RuntimeException failed(Exception ex) {
			abort();
			return (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
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
