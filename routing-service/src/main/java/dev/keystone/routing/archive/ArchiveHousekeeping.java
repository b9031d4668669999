package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.util.StructLikeWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the archive table lean, with Iceberg's own operations: the small files of a day
 * that commits every minute leave are rewritten into a few large ones, old snapshots are
 * expired (deleting the files only they referenced), and, when a retention is set, whole
 * days older than it are deleted. Each job commits on its own, and a sink commit that
 * lands meanwhile is kept: Iceberg retries on the newer snapshot.
 */
public class ArchiveHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(ArchiveHousekeeping.class);

	private final ArchiveCatalog catalog;

	private final ArchiveSettings.Housekeeping settings;

	private final DataFileWriter writer;

	private final Clock clock;

	private final MeterRegistry registry;

	ArchiveHousekeeping(ArchiveCatalog catalog, ArchiveSettings settings, Clock clock, MeterRegistry registry) {
		this.catalog = catalog;
		this.settings = settings.housekeeping();
		this.writer = new DataFileWriter(settings.targetFileSize().toBytes());
		this.clock = clock;
		this.registry = registry;
	}

	/**
	 * Runs every job once; a job that fails is logged and counted, and the next still
	 * runs.
	 */
	public void run() {
		job("retention", this::applyRetention);
		job("compaction", this::compact);
		job("expiry", this::expireSnapshots);
		job("metadata", this::deleteOldMetadata);
	}

	/**
	 * Rewrites, day by day, the data files below the compaction size once a day holds
	 * enough of them.
	 * @return files rewritten
	 */
	int compact() {
		Table table = this.catalog.freshTable();
		Snapshot start = table.currentSnapshot();
		if (start == null) {
			return 0;
		}
		Map<StructLikeWrapper, List<DataFile>> smallByDay = new HashMap<>();
		try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(start.snapshotId()).planFiles()) {
			for (FileScanTask task : tasks) {
				DataFile file = task.file();
				if (file.fileSizeInBytes() < this.settings.compactBelow().toBytes()) {
					StructLikeWrapper day = StructLikeWrapper.forType(table.spec().partitionType())
						.set(file.partition());
					smallByDay.computeIfAbsent(day, (key) -> new ArrayList<>()).add(file);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int rewritten = 0;
		for (List<DataFile> files : smallByDay.values()) {
			if (files.size() >= this.settings.compactMinFiles()) {
				rewritten += rewrite(table, start, files);
			}
		}
		return rewritten;
	}

	private int rewrite(Table table, Snapshot start, List<DataFile> files) {
		List<Record> rows = new ArrayList<>();
		for (DataFile file : files) {
			try (CloseableIterable<Record> read = Parquet.read(table.io().newInputFile(file.location()))
				.project(table.schema())
				.createReaderFunc((fileSchema) -> GenericParquetReaders.buildReader(table.schema(), fileSchema))
				.build()) {
				read.forEach((row) -> rows.add(row.copy()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		List<DataFile> compacted = this.writer.write(table, rows);
		table.newRewrite()
			.validateFromSnapshot(start.snapshotId())
			.rewriteFiles(new HashSet<>(files), new HashSet<>(compacted))
			.commit();
		StructLike day = files.get(0).partition();
		log.info("archive compacted day={} files={} into={} events={}", day.get(0, Integer.class), files.size(),
				compacted.size(), rows.size());
		return files.size();
	}

	/**
	 * Expires snapshots older than the configured age, always keeping the newest ones.
	 * @return snapshots left
	 */
	int expireSnapshots() {
		Table table = this.catalog.freshTable();
		long before = this.clock.millis() - this.settings.snapshotMaxAge().toMillis();
		// One delete request per file: stores that refuse S3's batch delete still get
		// their files removed.
		table.expireSnapshots()
			.expireOlderThan(before)
			.retainLast(this.settings.snapshotsToKeep())
			.deleteWith(table.io()::deleteFile)
			.commit();
		table.refresh();
		int left = 0;
		for (Snapshot ignored : table.snapshots()) {
			left++;
		}
		return left;
	}

	/**
	 * Deletes the metadata files that neither the table nor its metadata log still names,
	 * once they are older than the snapshot age: each commit writes one.
	 * @return files deleted
	 */
	int deleteOldMetadata() {
		Table table = this.catalog.freshTable();
		if (!(table.io() instanceof SupportsPrefixOperations files)) {
			return 0;
		}
		TableMetadata current = ((HasTableOperations) table).operations().current();
		Set<String> kept = new HashSet<>();
		kept.add(current.metadataFileLocation());
		current.previousFiles().forEach((entry) -> kept.add(entry.file()));
		long before = this.clock.millis() - this.settings.snapshotMaxAge().toMillis();
		int deleted = 0;
		for (FileInfo file : files.listPrefix(table.location() + "/metadata/")) {
			if (file.location().endsWith(".metadata.json") && !kept.contains(file.location())
					&& file.createdAtMillis() < before) {
				table.io().deleteFile(file.location());
				deleted++;
			}
		}
		return deleted;
	}

	/**
	 * Deletes every whole day older than the retention, a metadata-only delete since each
	 * data file holds one day.
	 * @return 1 if a delete was committed, else 0
	 */
	int applyRetention() {
		if (this.settings.retention().isZero()) {
			return 0;
		}
		Instant cutoff = this.clock.instant()
			.minus(this.settings.retention())
			.atZone(ZoneOffset.UTC)
			.truncatedTo(ChronoUnit.DAYS)
			.toInstant();
		Table table = this.catalog.freshTable();
		var expired = Expressions.lessThan("timestamp", ChronoUnit.MICROS.between(Instant.EPOCH, cutoff));
		try (CloseableIterable<FileScanTask> files = table.newScan().filter(expired).planFiles()) {
			if (!files.iterator().hasNext()) {
				return 0;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		table.newDelete().deleteFromRowFilter(expired).commit();
		log.info("archive retention applied: days before {} deleted", cutoff);
		return 1;
	}

	private void job(String name, JobBody body) {
		long start = this.clock.millis();
		try {
			int count = body.run();
			log.info("archive housekeeping job={} result={} took={}ms", name, count, this.clock.millis() - start);
			counter(name, "ok").increment();
		}
		catch (RuntimeException ex) {
			log.warn("archive housekeeping job={} failed: {}", name, ex.getMessage(), ex);
			counter(name, "failed").increment();
		}
	}

	private Counter counter(String job, String outcome) {
		return Counter.builder("keystone.archive.housekeeping")
			.tag("job", job)
			.tag("outcome", outcome)
			.description("Archive housekeeping runs by job and outcome")
			.register(this.registry);
	}

	@FunctionalInterface
	private interface JobBody {

		int run();

	}

}
