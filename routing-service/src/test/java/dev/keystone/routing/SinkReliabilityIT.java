package dev.keystone.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.internal.core.session.throttling.ConcurrencyLimitingRequestThrottler;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redelivery, poison records and store outages: every record arrives exactly once.
 */
class SinkReliabilityIT extends RoutingIntegrationTest {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MINUTES);

	private static final String VIEWER_BINDING = "storeViewerCounts-in-0";

	@Autowired
	private BindingsLifecycleController bindings;

	@Autowired
	private CqlSession session;

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

	@Test
	void storesEveryCountOnceWhenOverlappingBatchesAreCutOffByARestart() {
		String prefix = title();
		int titles = 300;
		int windows = 10;
		Instant start = NOW.minus(Duration.ofHours(4));
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int round = 0; round < 2; round++) {
				for (int t = 0; t < titles; t++) {
					for (int w = round * windows / 2; w < (round + 1) * windows / 2; w++) {
						Instant window = start.plusSeconds(10L * w);
						writer.send(Topics.VIEWERS_COUNTS, prefix + t, PipelineRecords.viewerCount(prefix + t, "10s",
								window, window.plusSeconds(10), t * 100L + w));
					}
				}
				if (round == 0) {
					this.bindings.changeState(VIEWER_BINDING, BindingsLifecycleController.State.STOPPED);
					this.bindings.changeState(VIEWER_BINDING, BindingsLifecycleController.State.STARTED);
				}
			}
		}
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(2))
			.ignoreExceptions()
			.until(() -> viewerPoints(prefix + (titles - 1), start).size() == windows);
		for (int t = 0; t < titles; t++) {
			List<String> expected = new ArrayList<>();
			for (int w = 0; w < windows; w++) {
				expected.add(Long.toString(t * 100L + w));
			}
			int title = t;
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(viewerPoints(prefix + title, start).findValuesAsText("viewers"))
					.containsExactlyElementsOf(expected));
		}
	}

	@Test
	void queuesCassandraWritesBeyondTheConcurrencyLimitInsteadOfFailingThem() {
		assertThat(((InternalDriverContext) this.session.getContext()).getRequestThrottler())
			.isInstanceOf(ConcurrencyLimitingRequestThrottler.class);
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
