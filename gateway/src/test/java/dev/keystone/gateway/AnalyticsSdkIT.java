package dev.keystone.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import dev.keystone.testkit.ServiceProcess;
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
 * Segment's and RudderStack's own Node SDKs, unchanged, send Video Spec sessions and
 * custom calls through the gateway to the whole pipeline on the real servers; everything
 * is read back through the read API. One pipeline serves every check, to keep it short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AnalyticsSdkIT {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String KEY = "sdk-" + UUID.randomUUID();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String TITLE = "sdk-title-" + RUN;

	private static final Path SDKS = Path.of("src", "test", "node");

	private static final List<ServiceProcess> services = new ArrayList<>();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void pipeline(DynamicPropertyRegistry registry) {
		String streamsId = "sdk-" + RUN;
		ServiceProcess ingest = ServiceProcess.start("ingest-service", Map.of());
		services.add(ingest);
		services.add(ServiceProcess.start("processing-service", Map.of(),
				"--keystone.processing.streams.application-id=" + streamsId,
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=target/" + streamsId,
				"--spring.cloud.stream.kafka.streams.binder.configuration.auto.offset.reset=latest"));
		ServiceProcess routing = ServiceProcess.start("routing-service", Map.of());
		services.add(routing);
		registry.add("INGEST_URL", ingest::url);
		registry.add("ROUTING_URL", routing::url);
		registry.add("keystone.gateway.keys[0].name", () -> "sdk");
		registry.add("keystone.gateway.keys[0].sha256", () -> GatewayEdgeTests.sha256(KEY));
		registry.add("keystone.gateway.keys[0].scopes", () -> "ingest,read");
	}

	@AfterAll
	static void stopServices() {
		services.forEach(ServiceProcess::close);
	}

	@Test
	void sdksSendVideoSessionsAndCustomCallsThatReadBackExactly() throws Exception {
		Instant minute = startOfNextMinute();

		JsonNode report = sendWithSdks(minute);

		// A wrong write key: both SDKs saw the 401, and nothing of it was stored.
		assertThat(texts(report.get("segmentErrors"))).isNotEmpty().allSatisfy((e) -> assertThat(e).contains("401"));
		assertThat(texts(report.get("rudderErrors"))).isNotEmpty().allSatisfy((e) -> assertThat(e).contains("401"));

		// Every playback event once, the resent Segment message included, with its
		// session.
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

		// Exact distinct viewers per window; the custom event naming the title is not
		// one.
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
	void takesTheBrowserSdksCallsFromAPageWithTheWriteKeyInTheBody() throws Exception {
		String title = TITLE + "-web";
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		String batch = """
				{"batch": [
				  {"type": "track", "event": "Video Playback Started", "messageId": "%1$s-web-start",
				   "anonymousId": "web-anon-%1$s", "timestamp": "%3$s",
				   "properties": {"session_id": "%1$s-web-s1", "content_asset_id": "%2$s", "position": 0},
				   "context": {"userAgent": "Mozilla/5.0 (X11; Linux x86_64)", "locale": "fr-FR",
				               "library": {"name": "analytics.js", "version": "npm:next-1.81.0"}},
				   "writeKey": "%4$s", "sentAt": "%3$s"}],
				 "writeKey": "%4$s", "sentAt": "%3$s"}""".formatted(RUN, title, now, KEY);
		HttpResponse<String> accepted = fromPage("/v1/b", batch);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		assertThat(accepted.body()).isEqualTo("{\"success\":true}");
		assertThat(accepted.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
		String page = """
				{"type": "page", "name": "Browse %1$s", "messageId": "%1$s-web-page", "anonymousId": "web-anon-%1$s",
				 "timestamp": "%2$s", "properties": {"path": "/browse"}, "writeKey": "%3$s", "sentAt": "%2$s"}"""
			.formatted(RUN, now, KEY);
		assertThat(fromPage("/v1/p", page).statusCode()).isEqualTo(200);
		assertThat(fromPage("/v1/t", page.replace(KEY, "not-a-key")).statusCode()).isEqualTo(401);

		JsonNode started = awaitAnswer("/v1/events?titleId=" + title, (answer) -> answer.get("total").asLong() >= 1);
		JsonNode event = started.get("events").get(0);
		assertThat(event.get("type").asText()).isEqualTo("play_start");
		assertThat(event.get("sessionId").asText()).isEqualTo(RUN + "-web-s1");
		assertThat(event.get("deviceType").asText()).isEqualTo("browser");
		assertThat(event.get("country").asText()).isEqualTo("FR");
		JsonNode pages = awaitAnswer("/v1/events?type=custom&profileId=web-anon-" + RUN,
				(answer) -> answer.get("total").asLong() >= 1);
		assertThat(pages.get("events").findValuesAsText("name")).containsExactly("Browse " + RUN);
	}

	/** As a browser posts from a page: its origin, and the write key inside the body. */
	private HttpResponse<String> fromPage(String path, String body) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Origin", "https://www.example.com")
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
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
		Path output = Files.createTempFile("analytics-sdks", ".json");
		ProcessBuilder builder = new ProcessBuilder("node", "send-with-sdks.mjs").directory(SDKS.toFile())
			.redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		builder.environment()
			.putAll(Map.of("KEYSTONE_HOST", "http://127.0.0.1:" + this.port, "KEYSTONE_WRITE_KEY", KEY, "KEYSTONE_RUN",
					RUN, "KEYSTONE_TITLE", TITLE, "KEYSTONE_MINUTE", minute.toString()));
		Process node = builder.start();
		assertThat(node.waitFor(90, TimeUnit.SECONDS)).as("the SDKs finish sending").isTrue();
		assertThat(node.exitValue()).isZero();
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
