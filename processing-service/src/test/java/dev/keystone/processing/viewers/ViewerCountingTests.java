package dev.keystone.processing.viewers;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.events.ViewerCount;
import dev.keystone.processing.TestPipeline;
import dev.keystone.processing.windowing.SessionSketch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ViewerCountingTests {

	/** The start of a 10 s and a 1 m window. */
	private static final Instant T0 = Instant.parse("2025-01-31T20:00:00Z");

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	@TempDir
	Path stateDir;

	private TestInputTopic<String, String> raw;

	private TestOutputTopic<String, String> counts;

	@Test
	void countsEachSessionOncePerWindow() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			send("heartbeat", "t1", "s1", T0.plusSeconds(2));
			send("heartbeat", "t1", "s1", T0.plusSeconds(4));
			send("play_start", "t1", "s2", T0.plusSeconds(5));
			send("play_start", "t2", "s3", T0.plusSeconds(6));
			tick(T0.plusSeconds(20));

			ViewerCount t1 = only(tenSecond("t1"));
			assertThat(t1).isEqualTo(new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), 2, 4));
			assertThat(only(tenSecond("t2")).viewers()).isEqualTo(1);
		}
	}

	@Test
	void emitsEachWindowOnceAfterItsEndPlusGrace() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(19));
			assertThat(tenSecond("t1")).isEmpty();

			// within the grace: still counted
			send("heartbeat", "t1", "s2", T0.plusSeconds(9));
			tick(T0.plusSeconds(20));
			tick(T0.plusSeconds(45));

			List<ViewerCount> windows = tenSecond("t1");
			assertThat(windows).hasSize(1);
			assertThat(windows.get(0).viewers()).isEqualTo(2);
		}
	}

	@Test
	void leavesLateEventsOutOfClosedWindowsButStoresThemFlagged() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			TestOutputTopic<String, String> enriched = pipeline.output(Topics.EVENTS_ENRICHED);
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(20));
			assertThat(only(tenSecond("t1")).viewers()).isEqualTo(1);

			send("play_start", "t1", "s2", T0.plusSeconds(1));
			tick(T0.plusSeconds(40));

			assertThat(only(tenSecond("t1"))).isEqualTo(new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), 1, 1));
			List<String> late = new java.util.ArrayList<>();
			for (String value : enriched.readValuesToList()) {
				JsonNode event = MAPPER.readTree(value);
				if (event.path("late").asBoolean()) {
					late.add(event.path("sessionId").asText());
				}
			}
			assertThat(late).containsExactly("s2");
		}
	}

	@Test
	void leavesALateEventOutOfItsMinuteEvenWhileThatIsOpen() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(20));
			send("play_start", "t1", "s2", T0.plusSeconds(1));
			tick(T0.plusSeconds(70));

			assertThat(only(tenSecond("t1")).viewers()).isEqualTo(1);
			assertThat(only(window("t1", "1m"))).isEqualTo(new ViewerCount("t1", "1m", T0, T0.plusSeconds(60), 1, 1));
		}
	}

	@Test
	void leavesAnEventOutOfEveryWindowThatClosedBeforeItArrived() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(80));
			assertThat(only(window("t1", "1m")).viewers()).isEqualTo(1);

			send("play_start", "t1", "s2", T0.plusSeconds(1));
			tick(T0.plusSeconds(140));

			assertThat(only(window("t1", "1m"))).isEqualTo(new ViewerCount("t1", "1m", T0, T0.plusSeconds(60), 1, 1));
			assertThat(only(tenSecond("t1")).viewers()).isEqualTo(1);
		}
	}

	@Test
	void closesTheWindowsOfAQuietPartitionByTheWallClock() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			Instant now = Instant.now();
			send("play_start", "t1", "s1", now);
			pipeline.advanceWallClock(Duration.ofSeconds(4));
			assertThat(tenSecond("t1")).isEmpty();

			// idle for 5 s: the clock follows the wall clock, 5 s behind, then the grace
			pipeline.advanceWallClock(Duration.ofSeconds(31));

			assertThat(only(tenSecond("t1")).viewers()).isEqualTo(1);
		}
	}

	@Test
	void ignoresEventsThatAreNotPlayback() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			this.raw.pipeInput("d", PlaybackEvents.click(T0), T0);
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(20));

			assertThat(only(tenSecond("t1")).events()).isEqualTo(1);
		}
	}

	@Test
	void neverCountsCustomEventsAsViewersButEnrichesThemWithTheirName() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			TestOutputTopic<String, String> enriched = pipeline.output(Topics.EVENTS_ENRICHED);
			this.raw.pipeInput("d-custom", PlaybackEvents.custom("Trailer Shared", "t1", "s9", T0), T0);
			send("play_start", "t1", "s1", T0);
			tick(T0.plusSeconds(20));

			assertThat(only(tenSecond("t1")).viewers()).isEqualTo(1);
			List<String> names = new java.util.ArrayList<>();
			for (String value : enriched.readValuesToList()) {
				JsonNode event = MAPPER.readTree(value);
				if (event.path("type").asText().equals("custom")) {
					names.add(event.path("name").asText());
				}
			}
			assertThat(names).containsExactly("Trailer Shared");
		}
	}

	@Test
	void totalsDistinctSessionsAcrossAllTitles() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			send("play_start", "t2", "s2", T0.plusSeconds(1));
			send("play_start", "t3", "s2", T0.plusSeconds(2));
			send("play_start", "t3", "s3", T0.plusSeconds(3));
			tick(T0.plusSeconds(20));

			ViewerCount all = only(tenSecond(ViewerCount.ALL_TITLES));
			assertThat(all.viewers()).isEqualTo(3);
			assertThat(all.events()).isEqualTo(4);
		}
	}

	@Test
	void countsOneMinuteWindowsToo() throws Exception {
		try (TestPipeline pipeline = pipeline(10_000)) {
			send("play_start", "t1", "s1", T0);
			send("play_start", "t1", "s2", T0.plusSeconds(30));
			send("heartbeat", "t1", "s1", T0.plusSeconds(59));
			tick(T0.plusSeconds(69));
			assertThat(window("t1", "1m")).isEmpty();
			tick(T0.plusSeconds(70));

			assertThat(only(window("t1", "1m"))).isEqualTo(new ViewerCount("t1", "1m", T0, T0.plusSeconds(60), 2, 3));
		}
	}

	@Test
	void switchesToASketchPastTheExactLimitAndStaysWithinItsError() throws Exception {
		try (TestPipeline pipeline = pipeline(100)) {
			for (int i = 0; i < 5_000; i++) {
				send("heartbeat", "popular", "session-" + i, T0.plusMillis(i));
			}
			send("play_start", "small", "only", T0);
			tick(T0.plusSeconds(20));

			ViewerCount popular = only(tenSecond("popular"));
			// lgK 12: relative standard error 1.04 / sqrt(4096) = 1.6%; allow three of
			// them
			assertThat((double) popular.viewers()).isCloseTo(5_000, within(5_000 * 3 * 0.01625));
			assertThat(popular.events()).isEqualTo(5_000);
			assertThat(only(tenSecond("small")).viewers()).isEqualTo(1);
		}
	}

	private void send(String type, String titleId, String sessionId, Instant timestamp) {
		this.raw.pipeInput("d-" + sessionId, PlaybackEvents.playback(type, titleId, sessionId, timestamp), timestamp);
	}

	/** Moves stream time on with an event of a title no assertion looks at. */
	private void tick(Instant timestamp) {
		send("heartbeat", "clock", "clock", timestamp);
	}

	private List<ViewerCount> tenSecond(String titleId) throws Exception {
		return window(titleId, "10s");
	}

	private List<ViewerCount> window(String titleId, String window) throws Exception {
		List<ViewerCount> counts = new java.util.ArrayList<>();
		for (KeyValue<String, String> record : this.counts.readKeyValuesToList()) {
			ViewerCount count = MAPPER.readValue(record.value, ViewerCount.class);
			assertThat(record.key).isEqualTo(count.titleId());
			this.seen.add(count);
		}
		for (ViewerCount count : this.seen) {
			if (count.titleId().equals(titleId) && count.window().equals(window)) {
				counts.add(count);
			}
		}
		return counts;
	}

	private final List<ViewerCount> seen = new java.util.ArrayList<>();

	private static ViewerCount only(List<ViewerCount> counts) {
		assertThat(counts).hasSize(1);
		return counts.get(0);
	}

	private TestPipeline pipeline(int exactLimit) {
		TestPipeline pipeline = TestPipeline.start(this.stateDir, Clock.systemUTC(), new SimpleMeterRegistry(),
				new SessionSketch(exactLimit, 12), TestPipeline.THRESHOLDS);
		this.raw = pipeline.raw();
		this.counts = pipeline.output(Topics.VIEWERS_COUNTS);
		return pipeline;
	}

}
