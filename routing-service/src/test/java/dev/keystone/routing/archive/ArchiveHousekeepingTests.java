package dev.keystone.routing.archive;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keystone.events.EventJson;
import dev.keystone.routing.PipelineRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compaction, retention and snapshot expiry on Iceberg's in-memory catalog: the rows stay
 * the same, the files fewer, and the Kafka offsets of the last commit still readable.
 */
class ArchiveHousekeepingTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private final EventRows rows = new EventRows(EventJson.newMapper());

	private ArchiveCatalog catalog;

	private Table table;

	@BeforeEach
	void createTable() {
		InMemoryCatalog memory = new InMemoryCatalog();
		memory.initialize("test", Map.of());
		memory.createNamespace(Namespace.of("keystone"));
		this.catalog = new ArchiveCatalog(memory, "keystone.events");
		this.table = this.catalog.table();
	}

	@Test
	void compactsADaysSmallFilesIntoOneAndKeepsEveryRowAndTheOffsets() throws IOException {
		for (int commit = 0; commit < 10; commit++) {
			append(List.of(row("a-" + commit, "2026-12-06T10:00:00Z"), row("b-" + commit, "2026-12-06T11:00:00Z")),
					commit);
		}
		append(List.of(row("c-0", "2026-12-07T10:00:00Z")), 10);

		int rewritten = housekeeping(Duration.ZERO).compact();

		assertThat(rewritten).isEqualTo(10);
		this.table.refresh();
		assertThat(dataFiles()).isEqualTo(2);
		assertThat(eventIds()).hasSize(21).contains("a-0", "b-9", "c-0");
		assertThat(TableOffsets.of(this.table, "events.enriched", Set.of(0))).containsEntry(0, 11L);
	}

	@Test
	void leavesADayWithFewSmallFilesAlone() throws IOException {
		append(List.of(row("a", "2026-12-06T10:00:00Z")), 0);
		append(List.of(row("b", "2026-12-06T10:00:00Z")), 1);

		assertThat(housekeeping(Duration.ZERO).compact()).isZero();
		this.table.refresh();
		assertThat(dataFiles()).isEqualTo(2);
	}

	@Test
	void deletesWholeDaysOlderThanTheRetention() throws IOException {
		append(List.of(row("old", "2026-11-01T23:59:59Z"), row("kept", "2026-11-30T00:00:00Z"),
				row("new", "2026-12-07T08:00:00Z")), 0);

		assertThat(housekeeping(Duration.ofDays(7)).applyRetention()).isEqualTo(1);
		this.table.refresh();
		assertThat(eventIds()).containsExactlyInAnyOrder("kept", "new");
		assertThat(housekeeping(Duration.ofDays(7)).applyRetention()).isZero();
	}

	@Test
	void expiresOldSnapshotsButKeepsTheNewest() {
		for (int commit = 0; commit < 5; commit++) {
			append(List.of(row("e-" + commit, "2026-12-07T10:00:00Z")), commit);
		}
		ArchiveHousekeeping housekeeping = new ArchiveHousekeeping(this.catalog, settings(Duration.ZERO, 2),
				Clock.fixed(NOW.plus(Duration.ofDays(30)), ZoneOffset.UTC), new SimpleMeterRegistry());

		assertThat(housekeeping.expireSnapshots()).isEqualTo(2);
		assertThat(TableOffsets.of(this.catalog.freshTable(), "events.enriched", Set.of(0))).containsEntry(0, 5L);
	}

	private ArchiveHousekeeping housekeeping(Duration retention) {
		return new ArchiveHousekeeping(this.catalog, settings(retention, 100), Clock.fixed(NOW, ZoneOffset.UTC),
				new SimpleMeterRegistry());
	}

	private static ArchiveSettings settings(Duration retention, int snapshotsToKeep) {
		ArchiveSettings base = ArchiveSettingsForTests.of("keystone.events");
		return new ArchiveSettings(base.enabled(), base.warehouse(), base.table(), base.catalog(), base.s3(),
				base.commitInterval(), base.maxBufferedRecords(), base.maxBufferedBytes(), base.targetFileSize(),
				new ArchiveSettings.Housekeeping(Duration.ofHours(1), base.housekeeping().compactBelow(), 8,
						Duration.ofDays(1), snapshotsToKeep, retention));
	}

	private void append(List<Record> batch, int commit) {
		AppendFiles append = this.table.newAppend();
		new DataFileWriter(128L << 20).write(this.table, batch).forEach(append::appendFile);
		append.set(TableOffsets.key("events.enriched", 0), String.valueOf(commit + 1));
		append.commit();
	}

	private int dataFiles() throws IOException {
		int files = 0;
		try (var tasks = this.table.newScan().planFiles()) {
			for (var ignored : tasks) {
				files++;
			}
		}
		return files;
	}

	private List<String> eventIds() throws IOException {
		List<String> ids = new ArrayList<>();
		try (CloseableIterable<Record> read = IcebergGenerics.read(this.table).build()) {
			read.forEach((row) -> ids.add((String) row.getField("event_id")));
		}
		return ids;
	}

	private Record row(String id, String timestamp) {
		return this.rows.toRow(PipelineRecords.enriched(id, "t", "T", "heartbeat", Instant.parse(timestamp), "US"));
	}

}
