package dev.keystone.routing.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.events.Topics;
import dev.keystone.routing.PipelineRecords;
import dev.keystone.routing.ReadApi;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.Server;
import dev.keystone.testkit.ServiceEndpoints;
import dev.keystone.testkit.TopicWriter;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.Record;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive on the real object store and catalog: every event once, typed, with the
 * Kafka offsets in the snapshot that holds it, and nothing lost while the store is down.
 */
class ArchiveIT extends ArchiveIntegrationTest {

	@Test
	void archivesEveryEventOnceAsATypedRowWithItsOffsetsInTheSnapshot() {
		String title = title();
		Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		List<String> sent = new ArrayList<>();
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int i = 0; i < 40; i++) {
				String json = (i == 7)
						? PipelineRecords.lateEnriched(title + "-" + i, title, "Archived", "heartbeat", time, "DE")
						: PipelineRecords.enriched(title + "-" + i, title, "Archived", "heartbeat", time, "DE");
				writer.send(Topics.EVENTS_ENRICHED, "dev-" + i, json);
				sent.add(title + "-" + i);
			}
			writer.send(Topics.EVENTS_ENRICHED, "d", "{not json " + title);
		}

		List<Record> rows = awaitRows(title, sent.size(), Duration.ofSeconds(90));
		assertThat(rows).extracting((row) -> row.getField("event_id")).containsExactlyInAnyOrderElementsOf(sent);
		Record row = rows.stream().filter((r) -> r.getField("event_id").equals(title + "-7")).findFirst().orElseThrow();
		assertThat(row.getField("timestamp")).isEqualTo(OffsetDateTime.ofInstant(time, java.time.ZoneOffset.UTC));
		assertThat(row.getField("type")).isEqualTo("heartbeat");
		assertThat(row.getField("title_name")).isEqualTo("Archived");
		assertThat(row.getField("title_genres")).isEqualTo(List.of("drama"));
		assertThat(row.getField("position_ms")).isEqualTo(1000L);
		assertThat(row.getField("properties")).isEqualTo("{\"cdn\":\"edge-" + title + "-7\"}");
		assertThat(row.getField("late")).isEqualTo(true);
		assertThat(rows.stream().filter((r) -> Boolean.FALSE.equals(r.getField("late")))).hasSize(sent.size() - 1);

		Snapshot snapshot = this.catalog.table().currentSnapshot();
		assertThat(snapshot.summary()).containsKey(TableOffsets.key(Topics.EVENTS_ENRICHED, 0));
		Map<Integer, Long> inTable = TableOffsets.of(this.catalog.table(), Topics.EVENTS_ENRICHED,
				IntStream.range(0, 12).boxed().collect(Collectors.toSet()));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Map<Integer, Long> group = groupOffsets();
			inTable.forEach((partition, offset) -> assertThat(group.getOrDefault(partition, 0L))
				.as("group offset of partition %d", partition)
				.isGreaterThanOrEqualTo(offset));
		});
		// The record that is not JSON may be in a later commit than the events.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ServiceEndpoints.get(this.port, "/actuator/prometheus").body())
				.contains("keystone_archive_commits_total")
				.contains("keystone_archive_lag_seconds")
				.containsPattern("keystone_sink_writes_total\\{[^}]*outcome=\"ok\",sink=\"archive\"\\}")
				.containsPattern("keystone_sink_writes_total\\{[^}]*outcome=\"failed\",sink=\"archive\"\\} [1-9]"));
	}

	@Test
	void waitsOutAMinuteWithoutItsObjectStoreWhileSearchKeepsFlowingAndLosesNothing() {
		KeystoneStack stack = KeystoneStack.shared();
		String title = title();
		List<String> sent = new ArrayList<>();
		try (TopicWriter writer = TopicWriter.to(stack)) {
			writer.send(Topics.EVENTS_ENRICHED, "dev-0",
					PipelineRecords.enriched(title + "-first", title, "Outage", "heartbeat", Instant.now(), "FR"));
			sent.add(title + "-first");
			awaitRows(title, 1, Duration.ofSeconds(90));
			stack.stop(Server.S3);
			Instant stopped = Instant.now();
			try {
				for (int i = 0; i < 200; i++) {
					writer.send(Topics.EVENTS_ENRICHED, "dev-" + (i % 13), PipelineRecords.enriched(title + "-" + i,
							title, "Outage", "heartbeat", Instant.now(), "FR"));
					sent.add(title + "-" + i);
				}
				await().atMost(Duration.ofSeconds(60))
					.pollInterval(Duration.ofSeconds(1))
					.ignoreExceptions()
					.until(() -> {
						JsonNode answer = new ReadApi(this.port).get("/v1/events?size=1&titleId=" + title).json();
						return answer.get("total").asLong() == sent.size();
					});
				await().atMost(Duration.ofSeconds(60))
					.until(() -> ServiceEndpoints.get(this.port, "/actuator/health").body().contains("\"archive\""));
				Duration left = Duration.ofSeconds(60).minus(Duration.between(stopped, Instant.now()));
				if (!left.isNegative()) {
					await().pollDelay(left).atMost(left.plusSeconds(1)).until(() -> true);
				}
				assertThat(ServiceEndpoints.get(this.port, "/actuator/prometheus").body())
					.containsPattern("keystone_archive_lag_seconds(\\{[^}]*\\})? [1-9]");
			}
			finally {
				stack.start(Server.S3);
			}
		}
		List<Record> rows = awaitRows(title, sent.size(), Duration.ofSeconds(120));
		assertThat(rows).extracting((row) -> row.getField("event_id")).containsExactlyInAnyOrderElementsOf(sent);
	}

	/**
	 * The archive's consumer group offsets, which follow the table for lag monitoring.
	 */
	private static Map<Integer, Long> groupOffsets() throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KeystoneStack.shared().kafkaBootstrapServers()))) {
			Map<Integer, Long> offsets = new HashMap<>();
			admin.listConsumerGroupOffsets("keystone-routing-archive")
				.partitionsToOffsetAndMetadata()
				.get()
				.forEach((tp, offset) -> {
					if (tp.topic().equals(Topics.EVENTS_ENRICHED) && offset != null) {
						offsets.put(tp.partition(), offset.offset());
					}
				});
			return offsets;
		}
	}

	private static String title() {
		return "arc-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
