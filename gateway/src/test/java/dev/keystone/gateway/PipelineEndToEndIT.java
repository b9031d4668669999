package dev.keystone.gateway;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline on real Kafka, Elasticsearch and Cassandra, used only through the
 * gateway: a title is registered, devices send playback events with resent duplicates and
 * invalid ones, and the read API must answer the exact distinct viewers per window, the
 * top titles, and each unique event once, enriched; events arriving after their windows
 * closed are stored flagged late without changing those windows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PipelineEndToEndIT {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String KEY = "e2e-" + UUID.randomUUID();

	private static final String READ_ONLY_KEY = "e2e-read-" + UUID.randomUUID();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static PipelineServices pipeline;

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void pipeline(DynamicPropertyRegistry registry) {
		pipeline = PipelineServices.start("e2e-" + RUN, registry);
		registry.add("keystone.gateway.keys[0].name", () -> "e2e");
		registry.add("keystone.gateway.keys[0].sha256", () -> GatewayEdgeTests.sha256(KEY));
		registry.add("keystone.gateway.keys[0].scopes", () -> "ingest,read,admin");
		registry.add("keystone.gateway.keys[1].name", () -> "e2e-reader");
		registry.add("keystone.gateway.keys[1].sha256", () -> GatewayEdgeTests.sha256(READ_ONLY_KEY));
		registry.add("keystone.gateway.keys[1].scopes", () -> "read");
		registry.add("keystone.gateway.keys[1].requests-per-second", () -> "3");
	}

	@AfterAll
	static void stopServices() {
		pipeline.close();
	}

	@Test
	void countsExactDistinctViewersAndEachUniqueEventOnceThroughTheGateway() throws Exception {
		String title = "e2e-title-" + RUN;
		Instant minute = startOfNextMinute();
		try (TopicProbe rejected = TopicProbe.from(KeystoneStack.shared(), Topics.EVENTS_REJECTED)) {
			this.client.put()
				.uri("/v1/catalog/titles/" + title)
				.header("X-API-Key", KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\": \"End to End " + RUN + "\", \"genres\": [\"drama\"]}")
				.exchange()
				.expectStatus()
				.isCreated();

			List<String> firstWindow = new ArrayList<>();
			for (int s = 1; s <= 5; s++) {
				firstWindow.add(event("a-start-" + s, "play_start", title, "s" + s, minute.plusSeconds(s)));
			}
			firstWindow.add(event("a-hb-1", "heartbeat", title, "s1", minute.plusSeconds(6)));
			firstWindow.add(event("a-hb-2", "heartbeat", title, "s2", minute.plusSeconds(7)));
			List<String> secondWindow = new ArrayList<>();
			for (int s = 1; s <= 3; s++) {
				secondWindow.add(event("b-hb-" + s, "heartbeat", title, "s" + s, minute.plusSeconds(10 + s)));
			}
			List<String> withInvalid = new ArrayList<>(secondWindow);
			withInvalid.add("{\"type\": \"play_start\", \"timestamp\": 1, \"deviceId\": \"d\"}");
			withInvalid.add("{\"type\": \"warp\", \"timestamp\": 1, \"deviceId\": \"d\"}");

			ingest(firstWindow).expectStatus().isAccepted().expectBody().jsonPath("$.accepted").isEqualTo(7);
			ingest(withInvalid).expectStatus()
				.isEqualTo(HttpStatus.MULTI_STATUS)
				.expectBody()
				.jsonPath("$.accepted")
				.isEqualTo(3)
				.jsonPath("$.rejected")
				.isEqualTo(2)
				.jsonPath("$.errors[0].index")
				.isEqualTo(3)
				.jsonPath("$.errors[0].status")
				.isEqualTo("invalid");
			ingest(firstWindow).expectStatus().isAccepted();
			ingest(List.of(event("old-1", "play_start", title, "s9", minute.minus(Duration.ofDays(8))),
					event("future-1", "play_start", title, "s9", Instant.now().plus(Duration.ofMinutes(10)))))
				.expectStatus()
				.isAccepted();
			awaitAnswer("/v1/events?size=100&titleId=" + title, (answer) -> answer.get("total").asLong() >= 10);
			ingest(List.of(event("tick-1", "heartbeat", title, "s1", minute.plusSeconds(80)))).expectStatus()
				.isAccepted();

			JsonNode tenSeconds = awaitAnswer(
					"/v1/titles/" + title + "/viewers?window=10s&from=" + minute + "&to=" + minute.plusSeconds(20),
					(answer) -> answer.get("points").size() == 2);
			assertThat(tenSeconds.get("points").findValuesAsText("viewers")).containsExactly("5", "3");
			assertThat(tenSeconds.get("points").get(0).get("start").asText()).isEqualTo(minute.toString());

			JsonNode oneMinute = awaitAnswer(
					"/v1/titles/" + title + "/viewers?window=1m&from=" + minute + "&to=" + minute.plusSeconds(60),
					(answer) -> answer.get("points").size() == 1);
			assertThat(oneMinute.get("points").get(0).get("viewers").asLong()).isEqualTo(5);

			JsonNode top = awaitAnswer("/v1/viewers/top?window=1m&limit=100",
					(answer) -> answer.get("titles").findValuesAsText("titleId").contains(title));
			JsonNode ours = null;
			for (JsonNode entry : top.get("titles")) {
				if (entry.get("titleId").asText().equals(title)) {
					ours = entry;
				}
			}
			assertThat(ours.get("viewers").asLong()).isEqualTo(5);
			assertThat(ours.get("name").asText()).isEqualTo("End to End " + RUN);

			JsonNode search = awaitAnswer("/v1/events?size=100&titleId=" + title,
					(answer) -> answer.get("total").asLong() >= 11);
			assertThat(search.get("total").asLong()).isEqualTo(11);
			assertThat(search.get("events").findValuesAsText("eventId")).doesNotHaveDuplicates()
				.doesNotContain(RUN + "-old-1", RUN + "-future-1");
			assertThat(search.get("events")).allSatisfy(
					(event) -> assertThat(event.get("title").get("name").asText()).isEqualTo("End to End " + RUN));

			// A device back online sends events whose windows have closed: stored,
			// flagged,
			// and the closed windows keep their counts.
			ingest(List.of(event("late-1", "play_start", title, "s6", minute.plusSeconds(2)),
					event("late-2", "play_start", title, "s7", Instant.now().minus(Duration.ofHours(1)))))
				.expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.accepted")
				.isEqualTo(2);
			JsonNode late = awaitAnswer("/v1/events?size=100&late=true&titleId=" + title,
					(answer) -> answer.get("total").asLong() >= 2);
			assertThat(late.get("events").findValuesAsText("eventId")).containsExactlyInAnyOrder(RUN + "-late-1",
					RUN + "-late-2");
			assertThat(late.get("events")).allSatisfy((event) -> assertThat(event.get("late").asBoolean()).isTrue());
			assertThat(awaitAnswer("/v1/events?size=100&titleId=" + title, (answer) -> true).get("total").asLong())
				.isEqualTo(13);
			assertThat(awaitAnswer(
					"/v1/titles/" + title + "/viewers?window=10s&from=" + minute + "&to=" + minute.plusSeconds(20),
					(answer) -> true)
				.get("points")
				.findValuesAsText("viewers")).containsExactly("5", "3");
			assertThat(awaitAnswer(
					"/v1/titles/" + title + "/viewers?window=1m&from=" + minute + "&to=" + minute.plusSeconds(60),
					(answer) -> true)
				.get("points")
				.get(0)
				.get("viewers")
				.asLong()).isEqualTo(5);

			List<ConsumerRecord<String, String>> rejections = rejected
				.await((r) -> r.key() != null && r.key().startsWith(RUN), 2, Duration.ofSeconds(60));
			assertThat(rejections).extracting(ConsumerRecord::key)
				.containsExactlyInAnyOrder(RUN + "-old-1", RUN + "-future-1");
			for (ConsumerRecord<String, String> rejection : rejections) {
				JsonNode value = MAPPER.readTree(rejection.value());
				assertThat(value.get("stage").asText()).isEqualTo("processing");
				assertThat(value.get("reason").asText())
					.isEqualTo(rejection.key().endsWith("old-1") ? "too_old" : "future");
			}
		}
	}

	@Test
	void enforcesKeysScopesAndRateLimitsInFrontOfTheRealServices() {
		this.client.get().uri("/v1/viewers/top").exchange().expectStatus().isUnauthorized();
		this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", READ_ONLY_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			statuses.add(this.client.get()
				.uri("/v1/anomalies")
				.header("X-API-Key", READ_ONLY_KEY)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value());
		}
		assertThat(statuses).contains(200, 429).containsOnly(200, 429);
	}

	/**
	 * Devices send events as they happen: an event that reaches the processor after its
	 * window closed is late. So the scenario starts on a minute boundary, with both of
	 * its 10-second windows in one minute. Once every event of the minute is processed
	 * (the devices' partitions are read in parallel, so the wait keeps them ahead of it),
	 * a later event moves event time past the end of the minute to close the windows.
	 */
	private static Instant startOfNextMinute() {
		Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
		await().atMost(Duration.ofSeconds(70)).until(() -> Instant.now().isAfter(next.plusSeconds(1)));
		return next;
	}

	private WebTestClient.ResponseSpec ingest(List<String> events) {
		return this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("[" + String.join(",", events) + "]")
			.exchange();
	}

	private JsonNode awaitAnswer(String path, Predicate<JsonNode> done) {
		JsonNode[] last = new JsonNode[1];
		await(path).atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
			byte[] body = this.client.get()
				.uri(path)
				.header("X-API-Key", KEY)
				.exchange()
				.expectBody()
				.returnResult()
				.getResponseBody();
			if (body == null) {
				return false;
			}
			JsonNode answer = MAPPER.readTree(body);
			last[0] = answer;
			return answer.has("status") ? false : done.test(answer);
		});
		return last[0];
	}

	private static String event(String id, String type, String title, String session, Instant timestamp) {
		return """
				{"eventId": "%s-%s", "type": "%s", "timestamp": "%s", "deviceId": "e2e-device-%s", "deviceType": "tv",
				 "sessionId": "%s-%s", "titleId": "%s", "country": "DE", "profileId": "p-%s"}""".formatted(RUN, id,
				type, timestamp, session, RUN, session, title, session);
	}

}
