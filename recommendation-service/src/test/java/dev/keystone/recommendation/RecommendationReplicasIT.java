package dev.keystone.recommendation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.ServiceEndpoints;
import dev.keystone.testkit.TopicWriter;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on the real Kafka: each answers for every profile and
 * title, whichever holds it, and a restart without local state restores it from the
 * changelogs.
 */
class RecommendationReplicasIT {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final int PROFILES = 12;

	private static final Duration WAIT = Duration.ofSeconds(120);

	@TempDir
	Path stateDirs;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String applicationId = "keystone-recommendation-it-" + this.run;

	private final String genre = "it-" + this.run;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	private TopicWriter writer;

	@BeforeEach
	void connect() {
		this.writer = TopicWriter.to(KeystoneStack.shared());
	}

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.writer.close();
	}

	@Test
	void answersAlikeOnEitherInstanceAndRestoresStateFromTheChangelogs() throws Exception {
		start();
		start();
		catalog();
		Instant now = Instant.now();
		for (int i = 0; i < PROFILES; i++) {
			watch(profile(i), title("a"), now.minusSeconds(600), 300_000);
			watch(profile(i), title((i % 2 == 0) ? "b" : "c"), now.minusSeconds(300), 300_000);
		}
		// The newcomer has watched only a: b and c are both similar to it.
		watch("newcomer-" + this.run, title("a"), now.minusSeconds(60), 30_000);
		watch("newcomer-" + this.run, title("a"), now.minusSeconds(30), 200_000);

		Awaitility.await("both instances answer for every profile")
			.atMost(WAIT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> {
				for (int port : this.ports) {
					for (int i = 0; i < PROFILES; i++) {
						JsonNode row = json(port, "/v1/profiles/" + profile(i) + "/continue-watching");
						assertThat(row.get("items")).hasSize(2);
					}
					assertThat(json(port, "/v1/titles/" + title("a") + "/similar").get("items")).hasSize(2);
				}
			});
		List<String> before = answers(this.ports.get(0));
		assertThat(answers(this.ports.get(1))).isEqualTo(before);
		JsonNode recommended = json(this.ports.get(1), "/v1/recommendations/newcomer-" + this.run);
		assertThat(recommended.get("items").get(0).get("reason").get("kind").asText()).isEqualTo("because_you_watched");

		this.instances.forEach(ConfigurableApplicationContext::close);
		this.instances.clear();
		this.ports.clear();
		start();

		Awaitility.await("state restored")
			.atMost(WAIT)
			.pollInterval(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(answers(this.ports.get(0))).isEqualTo(before));
	}

	@Test
	void namesTheBadParameterAndAnswers404ForAnUnknownTitle() throws Exception {
		start();
		int port = this.ports.get(0);

		HttpResponse<String> limit = ServiceEndpoints.get(port, "/v1/trending?limit=0");
		assertThat(limit.statusCode()).isEqualTo(400);
		assertThat(limit.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(MAPPER.readTree(limit.body()).get("parameter").asText()).isEqualTo("limit");
		assertThat(ServiceEndpoints.get(port, "/v1/trending?country=Germany").statusCode()).isEqualTo(400);
		assertThat(ServiceEndpoints.get(port, "/v1/recommendations/p?limit=x").statusCode()).isEqualTo(400);
		assertThat(ServiceEndpoints.get(port, "/v1/titles/unknown-" + this.run + "/similar").statusCode())
			.isEqualTo(404);
		assertThat(ServiceEndpoints.get(port, "/v3/api-docs").body()).contains("/v1/recommendations/{profileId}")
			.doesNotContain("/internal/");
	}

	/** What a client sees, without the times of the answers. */
	private List<String> answers(int port) throws IOException {
		List<String> answers = new ArrayList<>();
		for (int i = 0; i < PROFILES; i++) {
			answers.add(body(port, "/v1/profiles/" + profile(i) + "/continue-watching"));
			JsonNode recommendations = json(port, "/v1/recommendations/" + profile(i));
			recommendations.get("items")
				.forEach((item) -> answers.add(item.get("titleId").asText() + " "
						+ item.get("reason").get("kind").asText() + " " + item.get("reason").path("titleId").asText()));
		}
		answers.add(body(port, "/v1/titles/" + title("a") + "/similar"));
		json(port, "/v1/trending?genre=" + this.genre).get("items")
			.forEach((item) -> answers.add(item.get("titleId").asText() + " " + item.get("viewers").asLong()));
		return answers;
	}

	private static String body(int port, String path) {
		HttpResponse<String> response = ServiceEndpoints.get(port, path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response.body();
	}

	private static JsonNode json(int port, String path) throws IOException {
		return MAPPER.readTree(body(port, path));
	}

	private String profile(int i) {
		return "profile-" + this.run + "-" + i;
	}

	private String title(String name) {
		return "title-" + this.run + "-" + name;
	}

	private void catalog() {
		for (String name : List.of("a", "b", "c")) {
			this.writer.send(Topics.CATALOG_TITLES, title(name), """
					{"titleId": "%s", "name": "Title %s", "genres": ["%s"], "durationMs": 3600000}"""
				.formatted(title(name), name.toUpperCase(), this.genre));
		}
	}

	private void watch(String profileId, String titleId, Instant at, long toPositionMs) {
		send(profileId, "play_start", titleId, at, 0);
		send(profileId, "heartbeat", titleId, at.plusSeconds(5), toPositionMs);
	}

	private void send(String profileId, String type, String titleId, Instant at, long positionMs) {
		String device = "dev-" + profileId;
		this.writer.send(Topics.EVENTS_ENRICHED, device,
				"""
						{"eventId": "%s", "type": "%s", "timestamp": "%s", "deviceId": "%s", "deviceType": "tv",
						 "profileId": "%s", "sessionId": "%s", "titleId": "%s", "positionMs": %d, "country": "DE",
						 "receivedAt": "%s", "ingestId": "it", "title": null, "deviceClass": "tv", "processedAt": "%s"}"""
					.formatted(UUID.randomUUID(), type, at, device, profileId, profileId + titleId + at, titleId,
							positionMs, at, at));
	}

	/**
	 * Starts an instance with its own port and empty state directory; returns when it
	 * runs.
	 */
	private void start() throws IOException {
		int port = freePort();
		Path stateDir = Files.createTempDirectory(this.stateDirs, "state");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RecommendationApplication.class).run(
				"--server.port=" + port, "--KAFKA_BOOTSTRAP_SERVERS=" + KeystoneStack.shared().kafkaBootstrapServers(),
				"--keystone.recommendation.streams.application-id=" + this.applicationId,
				"--keystone.recommendation.streams.advertised-host=127.0.0.1",
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir);
		this.instances.add(context);
		this.ports.add(port);
		KafkaStreamsRegistry registry = context.getBean(KafkaStreamsRegistry.class);
		Awaitility.await()
			.atMost(WAIT)
			.until(() -> registry.streamsBuilderFactoryBeans()
				.stream()
				.allMatch((factory) -> factory.getKafkaStreams() != null
						&& factory.getKafkaStreams().state() == KafkaStreams.State.RUNNING));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
