package dev.keystone.routing.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.routing.PipelineRecords;
import dev.keystone.routing.ReadApi;
import dev.keystone.routing.archive.ArchiveIntegrationTest;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicProbe;
import dev.keystone.testkit.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays from the real archive: deleted search documents come back once, a topic replay
 * publishes exactly the archived events, and a bad request is a 400 problem.
 */
class ReplayIT extends ArchiveIntegrationTest {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

	@Autowired
	private ElasticsearchClient elasticsearch;

	@Test
	void aReplayToSearchBringsBackDeletedDocumentsWithoutDoublingTheOthers() throws Exception {
		String title = title();
		Instant base = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
		List<String> ids = send(title, base, 30);
		awaitArchived(title, ids.size());
		awaitSearchable(title, ids.size());
		for (String id : ids.subList(0, 10)) {
			this.elasticsearch.delete((d) -> d.index("keystone-events-" + DAY.format(base))
				.id(id)
				.refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
		}
		assertThat(searchTotal(title)).isEqualTo(20);

		JsonNode replay = awaitDone(start(base, base.plus(Duration.ofHours(1)), title, "search"));

		assertThat(replay.get("matched").asLong()).isEqualTo(30);
		assertThat(replay.get("written").asLong()).isEqualTo(30);
		awaitSearchable(title, ids.size());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> searchTotal(title) == 30);
	}

	@Test
	void aReplayToTheTopicPublishesExactlyTheArchivedEventsOfItsRange() throws Exception {
		String title = title();
		Instant base = Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
		List<String> inRange = send(title, base, 25);
		send(title, base.plus(Duration.ofHours(1)), 5);
		awaitArchived(title, 30);

		try (TopicProbe replayed = TopicProbe.from(KeystoneStack.shared(), Topics.EVENTS_REPLAY)) {
			JsonNode replay = awaitDone(start(base, base.plus(Duration.ofHours(1)), title, "topic"));
			assertThat(replay.get("matched").asLong()).isEqualTo(25);

			List<ConsumerRecord<String, String>> records = replayed.await((r) -> r.value().contains(title), 25,
					Duration.ofSeconds(30));
			assertThat(replayed.drain((r) -> r.value().contains(title), Duration.ofSeconds(2))).hasSize(25);
			List<String> eventIds = new ArrayList<>();
			for (ConsumerRecord<String, String> record : records) {
				JsonNode event = MAPPER.readTree(record.value());
				eventIds.add(event.get("eventId").asText());
				assertThat(record.key()).isEqualTo(event.get("deviceId").asText());
				assertThat(event.get("title").get("name").asText()).isEqualTo("Replayed");
			}
			assertThat(eventIds).containsExactlyInAnyOrderElementsOf(inRange);
		}
		JsonNode listed = new ReadApi(this.port).get("/v1/replays").json();
		assertThat(listed.get("replays").findValuesAsText("target")).contains("topic");
	}

	@Test
	void aBadRangeOrTargetIsAProblemAndStartsNothing() {
		ResponseEntity<String> backwards = post("""
				{"from": "2026-12-02T00:00:00Z", "to": "2026-12-01T00:00:00Z", "target": "search"}""");
		assertThat(backwards.getStatusCode().value()).isEqualTo(400);
		assertThat(backwards.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(backwards.getBody()).contains("to must be after from");

		ResponseEntity<String> target = post("""
				{"from": "2026-12-01T00:00:00Z", "to": "2026-12-02T00:00:00Z", "target": "tape"}""");
		assertThat(target.getStatusCode().value()).isEqualTo(400);
		assertThat(target.getBody()).contains("target must be search or topic");

		ResponseEntity<String> type = post("""
				{"from": "2026-12-01T00:00:00Z", "to": "2026-12-02T00:00:00Z", "target": "topic",
				 "filter": {"type": "nap"}}""");
		assertThat(type.getStatusCode().value()).isEqualTo(400);
		assertThat(type.getBody()).contains("filter.type");
	}

	private List<String> send(String title, Instant start, int count) {
		List<String> ids = new ArrayList<>();
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int i = 0; i < count; i++) {
				String id = title + "-" + start.getEpochSecond() + "-" + i;
				writer.send(Topics.EVENTS_ENRICHED, "dev-" + id,
						PipelineRecords.enriched(id, title, "Replayed", "heartbeat", start.plusSeconds(i), "NL"));
				ids.add(id);
			}
		}
		return ids;
	}

	private String start(Instant from, Instant to, String title, String target) throws Exception {
		ResponseEntity<String> answer = post("""
				{"from": "%s", "to": "%s", "filter": {"titleId": "%s"}, "target": "%s"}""".formatted(from, to, title,
				target));
		assertThat(answer.getStatusCode().value()).isEqualTo(202);
		JsonNode replay = MAPPER.readTree(answer.getBody());
		assertThat(replay.get("state").asText()).isEqualTo("running");
		assertThat(answer.getHeaders().getLocation()).hasPath("/v1/replays/" + replay.get("replayId").asText());
		return replay.get("replayId").asText();
	}

	private JsonNode awaitDone(String replayId) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> !"running".equals(replay(replayId).get("state").asText()));
		JsonNode replay = replay(replayId);
		assertThat(replay.get("state").asText()).as(replay.toString()).isEqualTo("done");
		return replay;
	}

	private JsonNode replay(String replayId) {
		return new ReadApi(this.port).get("/v1/replays/" + replayId).json();
	}

	private ResponseEntity<String> post(String body) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.post()
			.uri("/v1/replays")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, response) -> {
			})
			.toEntity(String.class);
	}

	private void awaitArchived(String title, int count) {
		awaitRows(title, count, Duration.ofSeconds(90));
	}

	private void awaitSearchable(String title, int count) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> searchTotal(title) == count);
	}

	private long searchTotal(String title) {
		return new ReadApi(this.port).get("/v1/events?size=1&titleId=" + title).json().get("total").asLong();
	}

	private static String title() {
		return "rep-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
