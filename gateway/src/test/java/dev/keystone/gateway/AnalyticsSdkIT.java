package dev.keystone.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segment's and RudderStack's own Node SDKs, and Segment's browser SDK in a real headless
 * Chromium, unchanged, send Video Spec sessions and custom calls through the gateway to
 * the whole pipeline on the real servers; everything is read back through the read API.
 * One pipeline serves every check, to keep it short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsSdkIT {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final String KEY = "sdk-" + UUID.randomUUID();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String TITLE = "sdk-title-" + RUN;

	private static final Path SDKS = Path.of("src", "test", "node");

	private static PipelineServices pipeline;

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void pipeline(DynamicPropertyRegistry registry) {
		pipeline = PipelineServices.start("sdk-" + RUN, registry);
		registry.add("keystone.gateway.keys[0].name", () -> "sdk");
		registry.add("keystone.gateway.keys[0].sha256", () -> GatewayEdgeTests.sha256(KEY));
		registry.add("keystone.gateway.keys[0].scopes", () -> "ingest,read");
	}

	@AfterAll
	static void stopServices() {
		pipeline.close();
	}

	@Test
	void sdksSendVideoSessionsAndCustomCallsThatReadBackExactly() throws Exception {
		Instant minute = startOfNextMinute();

		JsonNode report = sendWithSdks(minute);

		// A wrong write key: both SDKs saw the 401, and nothing of it was stored.
		assertThat(texts(report.get("segmentErrors"))).isNotEmpty().allSatisfy((e) -> assertThat(e).contains("401"));
		assertThat(texts(report.get("rudderErrors"))).isNotEmpty().allSatisfy((e) -> assertThat(e).contains("401"));

		// Every playback event once with its session, the resent Segment message too.
		JsonNode playback = awaitAnswer("/v1/events?size=100&titleId=" + TITLE,
				(answer) -> answer.get("total").asLong() >= 9);
		List<String> types = playback.get("events").findValuesAsText("type");
		assertThat(types).containsExactlyInAnyOrder("play_start", "play_start", "play_start", "play_start",
				"play_start", "heartbeat", "heartbeat", "play_pause", "buffering_start");
		assertThat(playback.get("events").findValuesAsText("sessionId")).containsOnly(RUN + "-seg-s1", RUN + "-seg-s2",
				RUN + "-seg-s3", RUN + "-rud-s1", RUN + "-rud-s2");
		assertThat(playback.get("events").findValuesAsText("eventId")).doesNotHaveDuplicates()
			.contains(RUN + "-seg-s1-start", RUN + "-rud-s1-buffer");
		JsonNode segStart = find(playback.get("events"), RUN + "-seg-s1-start");
		assertThat(segStart.get("deviceType").asText()).isEqualTo("tv");
		assertThat(segStart.get("country").asText()).isEqualTo("DE");
		assertThat(segStart.get("profileId").asText()).isEqualTo("seg-user-" + RUN);
		assertThat(Instant.parse(segStart.get("timestamp").asText())).isBetween(minute.plusMillis(500),
				minute.plusMillis(1500));

		// Exact distinct viewers per window; a custom event naming the title adds none.
		ingestTick(minute.plusSeconds(80));
		JsonNode tenSeconds = awaitAnswer(
				"/v1/titles/" + TITLE + "/viewers?window=10s&from=" + minute + "&to=" + minute.plusSeconds(20),
				(answer) -> answer.get("points").size() == 2);
		assertThat(tenSeconds.get("points").findValuesAsText("viewers")).containsExactly("5", "3");
		JsonNode oneMinute = awaitAnswer(
				"/v1/titles/" + TITLE + "/viewers?window=1m&from=" + minute + "&to=" + minute.plusSeconds(60),
				(answer) -> answer.get("points").size() == 1);
		assertThat(oneMinute.get("points").get(0).get("viewers").asLong()).isEqualTo(5);

		// Custom events are stored and searchable by name, from either SDK.
		String trailer = "Trailer Shared " + RUN;
		JsonNode byText = awaitAnswer("/v1/events?type=custom&q=" + trailer,
				(answer) -> answer.get("total").asLong() >= 2);
		assertThat(byText.get("total").asLong()).isEqualTo(2);
		assertThat(byText.get("events").findValuesAsText("name")).containsOnly(trailer);
		JsonNode byName = awaitAnswer("/v1/events?name=" + trailer, (answer) -> answer.get("total").asLong() >= 2);
		assertThat(byName.get("total").asLong()).isEqualTo(2);
		JsonNode segmentCalls = awaitAnswer("/v1/events?type=custom&profileId=seg-user-" + RUN,
				(answer) -> answer.get("total").asLong() >= 4);
		assertThat(segmentCalls.get("events").findValuesAsText("name")).containsExactlyInAnyOrder("Home " + RUN,
				"Player " + RUN, "identify", trailer);
		JsonNode rudderCalls = awaitAnswer("/v1/events?type=custom&profileId=rud-anon-" + RUN,
				(answer) -> answer.get("total").asLong() >= 4);
		assertThat(rudderCalls.get("events").findValuesAsText("name")).containsExactlyInAnyOrder("Home " + RUN,
				"Player " + RUN, "identify", trailer);
		assertThat(awaitAnswer("/v1/events?q=Refused " + RUN, (answer) -> true).get("total").asLong()).isZero();
	}

	@Test
	void takesTheBrowserSdksCallsFromAPageInARealBrowser() throws Exception {
		String title = TITLE + "-web";

		JsonNode report = runNode("send-from-browser.mjs", Map.of("KEYSTONE_TITLE", title));

		assertThat(texts(report.get("errors"))).isEmpty();
		assertThat(texts(report.get("delivered"))).hasSize(2);
		JsonNode playback = awaitAnswer("/v1/events?titleId=" + title, (answer) -> answer.get("total").asLong() >= 2);
		assertThat(playback.get("events").findValuesAsText("type")).containsExactlyInAnyOrder("play_start",
				"heartbeat");
		assertThat(playback.get("events").findValuesAsText("eventId"))
			.containsExactlyInAnyOrderElementsOf(texts(report.get("delivered")));
		assertThat(playback.get("events").findValuesAsText("sessionId")).containsOnly(RUN + "-web-s1");
		assertThat(playback.get("events").findValuesAsText("profileId")).containsOnly("web-user-" + RUN);
		assertThat(playback.get("events").findValuesAsText("deviceType")).containsOnly("browser");
		JsonNode calls = awaitAnswer("/v1/events?type=custom&profileId=web-user-" + RUN,
				(answer) -> answer.get("total").asLong() >= 2);
		// The page call's properties repeat its name, so only the events' own names
		// count.
		List<String> names = new ArrayList<>();
		calls.get("events").forEach((call) -> names.add(call.get("name").asText()));
		assertThat(names).containsExactlyInAnyOrder("identify", "Browse " + RUN);
	}

	@Test
	void refusesAMalformedBatchNamingTheProblem() {
		this.client.post()
			.uri("/v1/batch")
			.header("Authorization", basic(KEY))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"batch\": [{\"type\": \"track\", \"anonymousId\": \"a1\"}]}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].problems[0].field")
			.isEqualTo("event");
		this.client.post()
			.uri("/v1/batch")
			.header("Authorization", basic(KEY))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"batch\": \"nothing\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("\"batch\" array"));
	}

	private JsonNode sendWithSdks(Instant minute) throws IOException, InterruptedException {
		return runNode("send-with-sdks.mjs", Map.of("KEYSTONE_TITLE", TITLE, "KEYSTONE_MINUTE", minute.toString()));
	}

	/** Runs one of the SDK scripts, which prints its report as its last line. */
	private JsonNode runNode(String script, Map<String, String> environment) throws IOException, InterruptedException {
		Path output = Files.createTempFile("analytics-sdks", ".json");
		ProcessBuilder builder = new ProcessBuilder("node", script).directory(SDKS.toFile())
			.redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment()
			.putAll(Map.of("KEYSTONE_HOST", "http://127.0.0.1:" + this.port, "KEYSTONE_WRITE_KEY", KEY, "KEYSTONE_RUN",
					RUN));
		builder.environment().putAll(environment);
		Process node = builder.start();
		assertThat(node.waitFor(90, TimeUnit.SECONDS)).as(script + " finishes sending").isTrue();
		assertThat(node.exitValue()).as(script + " exit code").isZero();
		List<String> lines = Files.readAllLines(output);
		Files.delete(output);
		return MAPPER.readTree(lines.get(lines.size() - 1));
	}

	/**
	 * Moves event time past the minute, so that its windows close, once every event of
	 * the minute is stored.
	 */
	private void ingestTick(Instant timestamp) {
		this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"eventId": "%s-tick", "type": "heartbeat", "timestamp": "%s", "deviceId": "sdk-tick-%s",
					 "sessionId": "%s-tick", "titleId": "%s"}""".formatted(RUN, timestamp, RUN, RUN, TITLE))
			.exchange()
			.expectStatus()
			.isAccepted();
	}

	/**
	 * Starts on a minute boundary so that both 10-second windows lie in one minute and no
	 * event reaches the processor after its window closed.
	 */
	private static Instant startOfNextMinute() {
		Instant next = Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
		await().atMost(Duration.ofSeconds(70)).until(() -> Instant.now().isAfter(next.plusSeconds(1)));
		return next;
	}

	private JsonNode awaitAnswer(String path, Predicate<JsonNode> done) {
		JsonNode[] last = new JsonNode[1];
		await(path).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
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

	private static JsonNode find(JsonNode events, String eventId) {
		for (JsonNode event : events) {
			if (event.get("eventId").asText().equals(eventId)) {
				return event;
			}
		}
		throw new AssertionError("no event " + eventId);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((value) -> texts.add(value.asText()));
		return texts;
	}

	private static String basic(String key) {
		return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
	}

}
