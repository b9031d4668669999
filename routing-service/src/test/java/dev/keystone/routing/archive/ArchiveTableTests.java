package dev.keystone.routing.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.routing.PipelineRecords;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rows, data files and snapshot offsets on Iceberg's in-memory catalog: what the sink
 * writes reads back as the events it was given, partitioned by day.
 */
class ArchiveTableTests {

	private final ObjectMapper mapper = EventJson.newMapper();

	private final EventRows rows = new EventRows(this.mapper);

	private Table table;

	@BeforeEach
	void createTable() {
		InMemoryCatalog catalog = new InMemoryCatalog();
		catalog.initialize("test", Map.of());
		catalog.createNamespace(org.apache.iceberg.catalog.Namespace.of("keystone"));
		this.table = catalog.buildTable(TableIdentifier.of("keystone", "events"), EventTable.SCHEMA)
			.withPartitionSpec(EventTable.SPEC)
			.withProperties(EventTable.PROPERTIES)
			.create();
	}

	@Test
	void anEventComesBackFromItsRowAsTheTopicCarriedIt() throws Exception {
		String json = PipelineRecords.lateEnriched("e-1", "dark-s1e1", "Dark", "play_start",
				Instant.parse("2026-12-01T10:15:30.123Z"), "DE");
		JsonNode back = this.mapper.readTree(this.rows.toEvent(this.rows.toRow(json)).toString());
		assertThat(back).isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void anEventOfAnUnknownTitleKeepsItsNullTitle() throws Exception {
		String json = PipelineRecords.enriched("e-2", "t-x", null, "heartbeat", Instant.parse("2026-12-01T10:15:30Z"),
				"US");
		assertThat(this.mapper.readTree(this.rows.toEvent(this.rows.toRow(json)).toString()))
			.isEqualTo(this.mapper.readTree(json));
	}

	@Test
	void refusesRecordsThatCannotBeRows() {
		assertThatThrownBy(() -> this.rows.toRow("{oops")).isInstanceOf(UnarchivableException.class)
			.hasMessageContaining("not JSON");
		assertThatThrownBy(() -> this.rows.toRow("{\"type\":\"click\",\"timestamp\":\"2026-12-01T10:00:00Z\"}"))
			.hasMessageContaining("eventId");
		assertThatThrownBy(() -> this.rows.toRow("{\"eventId\":\"e\",\"timestamp\":\"yesterday\"}"))
			.hasMessageContaining("timestamp");
	}

	@Test
	void writesOneFilePerDayAndReadsEveryRowBack() throws Exception {
		List<Record> batch = List.of(row("a", "2026-12-01T23:59:59Z"), row("b", "2026-12-02T00:00:00Z"),
				row("c", "2026-12-02T12:00:00Z"));
		var files = new DataFileWriter(128L << 20).write(this.table, batch);
		AppendFiles append = this.table.newAppend();
		files.forEach(append::appendFile);
		append.commit();

		assertThat(files).hasSize(2);
		try (CloseableIterable<Record> read = IcebergGenerics.read(this.table).build()) {
			assertThat(read).extracting((r) -> r.getField("event_id")).containsExactlyInAnyOrder("a", "b", "c");
		}
	}

	@Test
	void aPartitionsOffsetIsTheNewestSnapshotThatNamesIt() {
		commitOffsets(Map.of(0, 10L, 1, 5L));
		commitOffsets(Map.of(1, 7L));
		this.table.newAppend().commit();

		assertThat(TableOffsets.of(this.table, "events.enriched", Set.of(0, 1, 2)))
			.containsExactlyInAnyOrderEntriesOf(Map.of(0, 10L, 1, 7L));
	}

	private void commitOffsets(Map<Integer, Long> offsets) {
		AppendFiles append = this.table.newAppend();
		offsets.forEach((partition, offset) -> append.set(TableOffsets.key("events.enriched", partition),
				String.valueOf(offset)));
		append.commit();
	}

	private Record row(String id, String timestamp) {
		return this.rows.toRow(PipelineRecords.enriched(id, "t", "T", "heartbeat", Instant.parse(timestamp), "US"));
	}

}
