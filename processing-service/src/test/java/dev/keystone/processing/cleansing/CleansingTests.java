package dev.keystone.processing.cleansing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.processing.TestPipeline;
import dev.keystone.processing.windowing.SessionSketch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CleansingTests {

	private static final Instant NOW = Instant.parse("2025-01-31T20:00:00Z");

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	@TempDir
	Path stateDir;

	private final Clock clock = Clock.fixed(NOW.plusMillis(250), ZoneOffset.UTC);

	private SimpleMeterRegistry registry;

	private TestInputTopic<String, String> raw;

	private TestInputTopic<String, String> titles;

	private TestOutputTopic<String, String> enriched;

	private TestOutputTopic<String, String> rejected;

	@BeforeEach
	void registry() {
		this.registry = new SimpleMeterRegistry();
	}

	@Test
	void enrichesWithTheCatalogTitleDeviceClassAndProcessingTime() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.titles.pipeInput("t1", "{\"titleId\": \"t1\", \"name\": \"Dune\", \"genres\": [\"sci-fi\"]}");
			this.raw.pipeInput("d1", RawEvents.playStart("e1", NOW.minusSeconds(1), NOW, "t1"), NOW);

			TestRecord<String, String> record = this.enriched.readRecord();
			JsonNode event = MAPPER.readTree(record.value());
			assertThat(record.key()).isEqualTo("d1");
			assertThat(event.get("title").toString()).isEqualTo("{\"name\":\"Dune\",\"genres\":[\"sci-fi\"]}");
			assertThat(event.get("deviceClass").asText()).isEqualTo("tv");
			assertThat(event.get("deviceType").asText()).isEqualTo("tv");
			assertThat(event.get("country").asText()).isEqualTo("DE");
			assertThat(event.get("processedAt").asText()).isEqualTo(NOW.plusMillis(250).toString());
			assertThat(event.get("receivedAt").asText()).isEqualTo(NOW.toString());
			assertThat(this.rejected.isEmpty()).isTrue();
		}
	}

	@Test
	void timestampsEnrichedRecordsWithTheEventTime() {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.playStart("e1", NOW.minusSeconds(3), NOW, "t1"), NOW);

			assertThat(this.enriched.readRecord().getRecordTime()).isEqualTo(NOW.minusSeconds(3));
		}
	}

	@Test
	void passesUnknownTitlesAndEventsWithoutTitleWithANullTitle() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.playStart("e1", NOW, NOW, "unknown"), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e2", NOW, NOW), NOW);

			List<String> values = this.enriched.readValuesToList();
			assertThat(values).hasSize(2);
			for (String value : values) {
				JsonNode event = MAPPER.readTree(value);
				assertThat(event.has("title")).isTrue();
				assertThat(event.get("title").isNull()).isTrue();
			}
			assertThat(MAPPER.readTree(values.get(1)).get("deviceClass").asText()).isEqualTo("mobile");
		}
	}

	@Test
	void stopsEnrichingWithATitleOnceItIsDeleted() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.titles.pipeInput("t1", "{\"titleId\": \"t1\", \"name\": \"Dune\"}");
			this.raw.pipeInput("d1", RawEvents.playStart("e1", NOW, NOW, "t1"), NOW);
			this.titles.pipeInput("t1", (String) null);
			this.raw.pipeInput("d1", RawEvents.playStart("e2", NOW, NOW, "t1"), NOW);

			List<String> values = this.enriched.readValuesToList();
			assertThat(MAPPER.readTree(values.get(0)).get("title").get("genres").toString()).isEqualTo("[]");
			assertThat(MAPPER.readTree(values.get(1)).get("title").isNull()).isTrue();
		}
	}

	@Test
	void rejectsRecordsThatAreNotJsonAsInvalidKeepingTheOriginal() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", "{not json", NOW);

			TestRecord<String, String> record = this.rejected.readRecord();
			JsonNode rejection = MAPPER.readTree(record.value());
			assertThat(record.key()).isNull();
			assertThat(rejection.get("reason").asText()).isEqualTo("invalid");
			assertThat(rejection.get("detail").asText()).startsWith("not JSON");
			assertThat(rejection.get("stage").asText()).isEqualTo("processing");
			assertThat(rejection.get("rejectedAt").asText()).isEqualTo(NOW.plusMillis(250).toString());
			assertThat(rejection.get("original").asText()).isEqualTo("{not json");
			assertThat(this.enriched.isEmpty()).isTrue();
		}
	}

	@Test
	void rejectsEventsBreakingTheContractListingEveryProblem() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", "{\"eventId\": \"e1\", \"type\": \"play_start\", \"timestamp\": \"" + NOW
					+ "\", \"deviceId\": \"d1\", \"colour\": \"red\"}", NOW);

			TestRecord<String, String> record = this.rejected.readRecord();
			JsonNode rejection = MAPPER.readTree(record.value());
			assertThat(record.key()).isEqualTo("e1");
			assertThat(rejection.get("reason").asText()).isEqualTo("invalid");
			assertThat(rejection.get("detail").asText()).contains("colour: unknown field",
					"sessionId: required for type play_start", "titleId: required for type play_start");
			assertThat(rejection.get("original").get("colour").asText()).isEqualTo("red");
		}
	}

	@Test
	void rejectsEventsFromTheFuture() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW.plus(Duration.ofMinutes(5)), NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e2", NOW.plus(Duration.ofMinutes(5)).plusMillis(1), NOW), NOW);

			assertThat(this.enriched.readValuesToList()).hasSize(1);
			assertThat(reasons()).containsExactly("future");
		}
	}

	@Test
	void rejectsEventsOlderThanTheMaximumAge() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW.minus(Duration.ofDays(7)).minusMillis(1), NOW),
					NOW.minus(Duration.ofDays(8)));

			assertThat(reasons()).containsExactly("too_old");
		}
	}

	@Test
	void storesEventsWhoseWindowClosedBeforeTheyArrivedFlaggedLate() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			// window [19:59:40, 19:59:50) + 10 s grace closed at 20:00:00
			this.raw.pipeInput("d2", RawEvents.click("e2", NOW.minusSeconds(11), NOW), NOW);
			// window [19:59:50, 20:00:00) is still open until 20:00:10
			this.raw.pipeInput("d3", RawEvents.click("e3", NOW.minusSeconds(10), NOW), NOW);

			assertThat(this.rejected.isEmpty()).isTrue();
			List<JsonNode> events = new java.util.ArrayList<>();
			for (String value : this.enriched.readValuesToList()) {
				events.add(MAPPER.readTree(value));
			}
			assertThat(events).extracting((event) -> event.get("eventId").asText()).containsExactly("e1", "e2", "e3");
			assertThat(events).extracting((event) -> event.has("late")).containsExactly(false, true, false);
			assertThat(events.get(1).get("late").asBoolean()).isTrue();
			assertThat(this.registry.get("keystone.processing.late").counter().count()).isEqualTo(1);
		}
	}

	@Test
	void storesEventsFromADeviceBackOnlineAnHourLaterAsLate() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			this.raw.pipeInput("d2", RawEvents.playStart("e2", NOW.minus(Duration.ofMinutes(3)), NOW, "t1"), NOW);
			this.raw.pipeInput("d2", RawEvents.playStart("e3", NOW.minus(Duration.ofHours(1)), NOW, "t1"), NOW);

			assertThat(this.rejected.isEmpty()).isTrue();
			List<String> late = new java.util.ArrayList<>();
			for (String value : this.enriched.readValuesToList()) {
				JsonNode event = MAPPER.readTree(value);
				if (event.path("late").asBoolean()) {
					late.add(event.get("eventId").asText());
				}
			}
			assertThat(late).containsExactly("e2", "e3");
		}
	}

	@Test
	void doesNotLetAFastDeviceClockMakeOtherEventsLate() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW.plus(Duration.ofMinutes(4)), NOW), NOW);
			this.raw.pipeInput("d2", RawEvents.click("e2", NOW.minusSeconds(5), NOW), NOW);

			assertThat(this.rejected.isEmpty()).isTrue();
			assertThat(this.enriched.readValuesToList()).hasSize(2);
		}
	}

	@Test
	void judgesByTheRecordTimestampWhenReceivedAtIsMissing() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			Instant received = NOW.minus(Duration.ofMinutes(10));
			this.raw.pipeInput("d1", RawEvents.clickWithoutReceivedAt("e1", NOW), received);
			this.raw.pipeInput("d1", RawEvents.clickWithoutReceivedAt("e2", received), received);

			assertThat(reasons()).containsExactly("future");
			JsonNode passed = MAPPER.readTree(this.enriched.readValue());
			assertThat(passed.get("receivedAt").asText()).isEqualTo(received.toString());
		}
	}

	@Test
	void dropsRepeatedEventIdsWithinTheRetention() {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW.plusSeconds(5)), NOW.plusSeconds(5));
			this.raw.pipeInput("d1", RawEvents.click("e2", NOW.plusSeconds(5), NOW.plusSeconds(5)), NOW.plusSeconds(5));
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW.plusSeconds(59 * 60), NOW.plusSeconds(59 * 60)),
					NOW.plusSeconds(59 * 60));

			assertThat(this.enriched.readValuesToList()).hasSize(2);
			assertThat(this.rejected.isEmpty()).isTrue();
			assertThat(count("duplicate")).isEqualTo(2);
		}
	}

	@Test
	void countsAnEventIdAgainAfterTheRetention() {
		try (TestPipeline pipeline = pipeline()) {
			Instant later = NOW.plus(Duration.ofHours(1)).plusSeconds(1);
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e1", later, later), later);

			assertThat(this.enriched.readValuesToList()).hasSize(2);
		}
	}

	@Test
	void accountsForEveryEventAtExactlyOneFinalStage() {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.playStart("e2", NOW, NOW, "t1"), NOW);
			this.raw.pipeInput("d1", "[]", NOW);
			this.raw.pipeInput("d1", RawEvents.click("e3", NOW.plus(Duration.ofHours(1)), NOW), NOW);
			this.raw.pipeInput("d1", RawEvents.click("e4", NOW.minusSeconds(60), NOW), NOW);

			assertThat(count("rejected")).isEqualTo(2);
			assertThat(count("duplicate")).isEqualTo(1);
			assertThat(count("cleansed")).isEqualTo(3);
			assertThat(count("enriched")).isEqualTo(3);
			assertThat(this.registry.get("keystone.processing.late").counter().count()).isEqualTo(1);
			assertThat(this.registry.get("keystone.processing.rejected").tag("reason", "invalid").counter().count())
				.isEqualTo(1);
			assertThat(this.registry.get("keystone.processing.rejected").tag("reason", "future").counter().count())
				.isEqualTo(1);
			assertThat(this.registry.find("keystone.processing.rejected").tag("reason", "late").counter()).isNull();
		}
	}

	@Test
	void timesEachEventFromReceiptToProcessing() {
		try (TestPipeline pipeline = pipeline()) {
			this.raw.pipeInput("d1", RawEvents.click("e1", NOW, NOW), NOW);

			var latency = this.registry.get("keystone.pipeline.latency").tag("stage", "processed").timer();
			assertThat(latency.count()).isEqualTo(1);
			assertThat(latency.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(250);
		}
	}

	private List<String> reasons() throws Exception {
		List<String> reasons = new java.util.ArrayList<>();
		for (String value : this.rejected.readValuesToList()) {
			reasons.add(MAPPER.readTree(value).get("reason").asText());
		}
		return reasons;
	}

	private double count(String stage) {
		return this.registry.get("keystone.processing.events").tag("stage", stage).counter().count();
	}

	private TestPipeline pipeline() {
		TestPipeline pipeline = TestPipeline.start(this.stateDir, this.clock, this.registry,
				new SessionSketch(10_000, 12), TestPipeline.THRESHOLDS);
		this.raw = pipeline.raw();
		this.titles = pipeline.titles();
		this.enriched = pipeline.output(Topics.EVENTS_ENRICHED);
		this.rejected = pipeline.output(Topics.EVENTS_REJECTED);
		return pipeline;
	}

}
