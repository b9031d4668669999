package dev.keystone.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.Server;
import dev.keystone.testkit.ServiceEndpoints;
import dev.keystone.testkit.TopicProbe;
import dev.keystone.testkit.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redelivery, poison records and store outages: every record arrives exactly once.
 */
class SinkReliabilityIT extends RoutingIntegrationTest {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	@Test
	void redeliveredRecordsLeaveExactlyOneCopy() {
		String title = title();
		Instant start = NOW.minus(Duration.ofHours(2));
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < 5; i++) {
					writer.send(Topics.EVENTS_ENRICHED, "d", event(title, i));
				}
				writer.send(Topics.VIEWERS_COUNTS, title,
						PipelineRecords.viewerCount(title, "10s", start, start.plusSeconds(10), 9));
			}
			writer.send(Topics.EVENTS_ENRICHED, "d", event(title, 99));
		}

		awaitEvents(title, 6);
		assertThat(viewerPoints(title, start)).hasSize(1);
		assertThat(viewerPoints(title, start).get(0).get("viewers").asLong()).isEqualTo(9);
	}

	@Test
	void rejectsAPoisonRecordWhileItsNeighboursLand() throws Exception {
		String title = title();
		try (TopicProbe rejected = TopicProbe.from(KeystoneStack.shared(), Topics.EVENTS_REJECTED);
				TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			writer.send(Topics.EVENTS_ENRICHED, "d", event(title, 1));
			writer.send(Topics.EVENTS_ENRICHED, "d",
					event(title, 2).replace("\"positionMs\": 1000", "\"positionMs\": \"ten\""));
			writer.send(Topics.EVENTS_ENRICHED, "d", "{not json " + title);
			writer.send(Topics.EVENTS_ENRICHED, "d", event(title, 3));
			writer.send(Topics.VIEWERS_COUNTS, title,
					PipelineRecords.viewerCount(title, "7s", NOW, NOW.plusSeconds(7), 1));

			awaitEvents(title, 2);
			var rejections = rejected.await((r) -> r.value().contains(title), 3, Duration.ofSeconds(60));
			assertThat(rejections).extracting(ConsumerRecord::key).contains(title + "-2");
			JsonNode mapping = MAPPER.readTree(rejections.stream()
				.filter((r) -> (title + "-2").equals(r.key()))
				.findFirst()
				.orElseThrow()
				.value());
			assertThat(mapping.get("stage").asText()).isEqualTo("routing");
			assertThat(mapping.get("reason").asText()).isEqualTo("unwritable");
			assertThat(mapping.get("detail").asText()).contains("positionMs");
			assertThat(mapping.get("original").get("eventId").asText()).isEqualTo(title + "-2");
			assertThat(rejections).anySatisfy((r) -> assertThat(r.value()).contains("window must be one of"));
		}
	}

	@Test
	void pausesWhileElasticsearchIsDownAndDeliversEverythingOnceAfter() {
		KeystoneStack stack = KeystoneStack.shared();
		String title = title();
		try (TopicWriter writer = TopicWriter.to(stack)) {
			writer.send(Topics.EVENTS_ENRICHED, "d", event(title, 0));
			awaitEvents(title, 1);
			stack.stop(Server.ELASTICSEARCH);
			try {
				for (int i = 1; i < 20; i++) {
					writer.send(Topics.EVENTS_ENRICHED, "d", event(title, i));
				}
				await().atMost(Duration.ofSeconds(60))
					.until(() -> ServiceEndpoints.get(this.port, "/actuator/health").body().contains("paused"));
			}
			finally {
				stack.start(Server.ELASTICSEARCH);
			}
		}
		awaitEvents(title, 20);
	}

	@Test
	void pausesWhileCassandraIsDownAndDeliversEverythingOnceAfter() {
		KeystoneStack stack = KeystoneStack.shared();
		String title = title();
		Instant start = NOW.minus(Duration.ofHours(3));
		try (TopicWriter writer = TopicWriter.to(stack)) {
			writer.send(Topics.VIEWERS_COUNTS, title,
					PipelineRecords.viewerCount(title, "10s", start, start.plusSeconds(10), 1));
			await().atMost(Duration.ofSeconds(60)).until(() -> viewerPoints(title, start).size() == 1);
			stack.stop(Server.CASSANDRA);
			try {
				for (int i = 1; i < 10; i++) {
					Instant window = start.plusSeconds(10L * i);
					writer.send(Topics.VIEWERS_COUNTS, title,
							PipelineRecords.viewerCount(title, "10s", window, window.plusSeconds(10), i + 1));
				}
				await().atMost(Duration.ofSeconds(90))
					.until(() -> ServiceEndpoints.get(this.port, "/actuator/health").body().contains("paused"));
			}
			finally {
				stack.start(Server.CASSANDRA);
			}
		}
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.ignoreExceptions()
			.until(() -> viewerPoints(title, start).size() == 10);
		assertThat(viewerPoints(title, start).findValuesAsText("viewers")).containsExactly("1", "2", "3", "4", "5", "6",
				"7", "8", "9", "10");
	}

	private void awaitEvents(String title, int expected) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
			JsonNode answer = new ReadApi(this.port).get("/v1/events?size=500&titleId=" + title).json();
			return answer.get("total").asLong() >= expected;
		});
		JsonNode answer = new ReadApi(this.port).get("/v1/events?size=500&titleId=" + title).json();
		assertThat(answer.get("total").asLong()).isEqualTo(expected);
	}

	private JsonNode viewerPoints(String title, Instant start) {
		return new ReadApi(this.port)
			.get("/v1/titles/" + title + "/viewers?window=10s&from=" + start + "&to=" + start.plusSeconds(600))
			.json()
			.get("points");
	}

	private static String event(String title, int i) {
		return PipelineRecords.enriched(title + "-" + i, title, "Reliable", "heartbeat", Instant.now(), "US");
	}

	private static String title() {
		return "rel-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
