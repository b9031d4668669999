package dev.keystone.processing.anomaly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import dev.keystone.events.Topics;
import dev.keystone.processing.TestPipeline;
import dev.keystone.processing.windowing.SessionSketch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyDetectionTests {

	private static final Instant T0 = Instant.parse("2025-01-31T20:00:00Z");

	private static final Instant DETECTED = Instant.parse("2025-01-31T21:00:00Z");

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	private static final int WARMUP = 3;

	@TempDir
	Path stateDir;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private TestInputTopic<String, String> raw;

	private TestOutputTopic<String, String> anomalies;

	private int sequence;

	@Test
	void reportsAnErrorRateFarAboveTheBaseline() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 15);
			closeMinute(WARMUP);

			Anomaly anomaly = only(anomalies("error_rate", "title:t1"));
			assertThat(anomaly.observed()).isEqualTo(0.5);
			assertThat(anomaly.expected()).isEqualTo(1.0 / 30, org.assertj.core.api.Assertions.within(1e-9));
			assertThat(anomaly.windowStart()).isEqualTo(minuteStart(WARMUP));
			assertThat(anomaly.windowEnd()).isEqualTo(minuteStart(WARMUP + 1));
			assertThat(anomaly.score()).isGreaterThan(3);
			assertThat(anomaly.severity()).isEqualTo(Severity.CRITICAL);
			assertThat(anomaly.detectedAt()).isEqualTo(DETECTED);
			assertThat(anomaly.anomalyId())
				.isEqualTo(Detector.anomalyId(Metric.ERROR_RATE, "title:t1", minuteStart(WARMUP)));
			assertThat(this.registry.get("keystone.anomalies")
				.tag("metric", "error_rate")
				.tag("severity", "critical")
				.counter()
				.count()).isEqualTo(3);
		}
	}

	@Test
	void countsEveryMetricAndSeverityFromZeroBeforeTheFirstAnomaly() {
		try (TestPipeline pipeline = pipeline()) {
			assertThat(this.registry.get("keystone.anomalies").counters()).hasSize(16)
				.allSatisfy((counter) -> assertThat(counter.count()).isZero());
			assertThat(this.registry.get("keystone.processing.rejected").counters())
				.extracting((c) -> c.getId().getTag("reason"))
				.containsExactlyInAnyOrder("invalid", "future", "too_old");
		}
	}

	@Test
	void keysAnomaliesByMetricAndScope() {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 15);
			closeMinute(WARMUP);

			assertThat(this.anomalies.readKeyValuesToList()).extracting((record) -> record.key)
				.containsExactlyInAnyOrder("error_rate:title:t1", "error_rate:country:DE", "error_rate:deviceClass:tv");
		}
	}

	@Test
	void staysQuietWhileTheBaselineWarmsUp() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP - 1);
			minute(WARMUP - 1, 30, 15);
			closeMinute(WARMUP - 1);

			assertThat(anomalies("error_rate", "title:t1")).isEmpty();
		}
	}

	@Test
	void reportsTheShareOfSessionsWithAnErrorNotTheNumberOfErrors() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 15, 3);
			closeMinute(WARMUP);

			assertThat(only(anomalies("error_rate", "title:t1")).observed()).isEqualTo(0.5);
		}
	}

	@Test
	void neverReportsAnErrorRateAboveOne() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 30, 5);
			closeMinute(WARMUP);

			assertThat(only(anomalies("error_rate", "title:t1")).observed()).isEqualTo(1.0);
		}
	}

	@Test
	void staysQuietWhenFewSessionsRepeatTheirErrors() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 1, 40);
			closeMinute(WARMUP);

			assertThat(anomalies("error_rate", "title:t1")).isEmpty();
		}
	}

	@Test
	void reportsTheShareOfSessionsThatBuffered() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 0);
			Instant start = minuteStart(WARMUP);
			for (int i = 0; i < 12; i++) {
				for (int repeat = 0; repeat < 4; repeat++) {
					send("buffering_start", "s" + WARMUP + "-" + i, start.plusSeconds(20 + repeat).plusMillis(i));
				}
			}
			closeMinute(WARMUP);

			Anomaly anomaly = only(anomalies("buffering_ratio", "title:t1"));
			assertThat(anomaly.observed()).isEqualTo(0.4);
			assertThat(anomaly.expected()).isZero();
		}
	}

	@Test
	void ignoresErrorRatesOfTooFewSessions() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 19, 15);
			closeMinute(WARMUP);

			assertThat(anomalies("error_rate", "title:t1")).isEmpty();
		}
	}

	@Test
	void toleratesSmallWigglesAroundAFlatBaseline() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 2);
			closeMinute(WARMUP);

			assertThat(anomalies("error_rate", "title:t1")).isEmpty();
		}
	}

	@Test
	void judgesARecurringIncidentAgainstNormalTimes() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			for (int minute = WARMUP; minute < WARMUP + 3; minute++) {
				minute(minute, 30, 15);
				closeMinute(minute);
			}

			List<Anomaly> reported = anomalies("error_rate", "title:t1");
			assertThat(reported).hasSize(3);
			assertThat(reported.get(2).expected()).isLessThan(0.06);
			assertThat(reported.get(2).severity()).isEqualTo(Severity.CRITICAL);
		}
	}

	@Test
	void takesALastingShiftAsTheNewNormal() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			int shifted = 15;
			for (int minute = WARMUP; minute < WARMUP + shifted; minute++) {
				minute(minute, 30, 15);
				closeMinute(minute);
			}

			List<Anomaly> reported = anomalies("error_rate", "title:t1");
			assertThat(reported).hasSizeBetween(3, shifted - 2);
			assertThat(reported).extracting(Anomaly::windowStart)
				.startsWith(minuteStart(WARMUP))
				.doesNotContain(minuteStart(WARMUP + shifted - 1));
		}
	}

	@Test
	void reportsADropInActiveViewers() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 5, 0);
			closeMinute(WARMUP);

			Anomaly drop = only(anomalies("active_viewers", "title:t1"));
			assertThat(drop.observed()).isEqualTo(5);
			assertThat(drop.expected()).isEqualTo(30);
		}
	}

	@Test
	void reportsAScopeThatFellSilent() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			closeMinute(WARMUP - 1);
			closeMinute(WARMUP);

			Anomaly anomaly = only(anomalies("active_viewers", "title:t1"));
			assertThat(anomaly.observed()).isZero();
			assertThat(anomaly.expected()).isEqualTo(30.0, org.assertj.core.api.Assertions.within(1e-9));
			assertThat(anomaly.windowStart()).isEqualTo(minuteStart(WARMUP));
			assertThat(anomaly.windowEnd()).isEqualTo(minuteStart(WARMUP + 1));
			assertThat(anomaly.severity()).isEqualTo(Severity.CRITICAL);
		}
	}

	@Test
	void judgesNoScopeSilentAcrossAGapInAllEvents() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			closeMinute(WARMUP - 1);
			minute(WARMUP + 5, 30, 1);
			closeMinute(WARMUP + 5);

			assertThat(anomalies("active_viewers", "title:t1")).isEmpty();
		}
	}

	@Test
	void staysQuietWhenViewersRise() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 300, 10);
			closeMinute(WARMUP);

			assertThat(anomalies("active_viewers", "title:t1")).isEmpty();
			assertThat(anomalies("error_rate", "title:t1")).isEmpty();
		}
	}

	@Test
	void reportsEachScopeMetricAndWindowAtMostOnce() throws Exception {
		try (TestPipeline pipeline = pipeline()) {
			normalMinutes(0, WARMUP);
			minute(WARMUP, 30, 15);
			minute(WARMUP + 1, 30, 15);
			closeMinute(WARMUP + 1);
			closeMinute(WARMUP + 3);

			List<String> seen = new ArrayList<>();
			for (Anomaly anomaly : this.all) {
				seen.add(anomaly.metric() + " " + anomaly.scope() + " " + anomaly.windowStart());
			}
			assertThat(read()).isNotEmpty();
			assertThat(seen).doesNotHaveDuplicates();
			assertThat(anomalies("error_rate", "title:t1")).extracting(Anomaly::windowStart)
				.containsOnlyOnce(minuteStart(WARMUP));
		}
	}

	@Test
	void givesTheSameWindowTheSameAnomalyId() {
		assertThat(Detector.anomalyId(Metric.CRASHES, "country:DE", T0))
			.isEqualTo(Detector.anomalyId(Metric.CRASHES, "country:DE", T0))
			.isNotEqualTo(Detector.anomalyId(Metric.CRASHES, "country:DE", T0.plusSeconds(60)))
			.isNotEqualTo(Detector.anomalyId(Metric.CRASHES, "country:FR", T0));
	}

	private final List<Anomaly> all = new ArrayList<>();

	private List<Anomaly> read() throws Exception {
		for (KeyValue<String, String> record : this.anomalies.readKeyValuesToList()) {
			Anomaly anomaly = MAPPER.readValue(record.value, Anomaly.class);
			assertThat(record.key).isEqualTo(anomaly.key());
			this.all.add(anomaly);
		}
		return this.all;
	}

	private List<Anomaly> anomalies(String metric, String scope) throws Exception {
		return read().stream().filter((a) -> a.metric().equals(metric) && a.scope().equals(scope)).toList();
	}

	private static Anomaly only(List<Anomaly> anomalies) {
		assertThat(anomalies).hasSize(1);
		return anomalies.get(0);
	}

	private static Instant minuteStart(int minute) {
		return T0.plus(Duration.ofMinutes(minute));
	}

	/** A steady minute: 30 sessions start, one of them fails. */
	private void normalMinutes(int from, int to) {
		for (int minute = from; minute < to; minute++) {
			minute(minute, 30, 1);
		}
	}

	private void minute(int minute, int starts, int errors) {
		minute(minute, starts, errors, 1);
	}

	/**
	 * Sessions start; the first {@code errors} of them each fail {@code repeats} times.
	 */
	private void minute(int minute, int starts, int errors, int repeats) {
		Instant start = minuteStart(minute);
		for (int i = 0; i < starts; i++) {
			send("play_start", "s" + minute + "-" + i, start.plusMillis(i * 100L));
		}
		for (int repeat = 0; repeat < repeats; repeat++) {
			for (int i = 0; i < errors; i++) {
				send("playback_error", "s" + minute + "-" + i, start.plusSeconds(30 + repeat).plusMillis(i));
			}
		}
	}

	/** Moves stream time past the end of the minute plus the grace. */
	private void closeMinute(int minute) {
		send("heartbeat", "tick", minuteStart(minute + 1).plusSeconds(10));
	}

	private void send(String type, String sessionId, Instant timestamp) {
		String json = """
				{"eventId": "e%d", "type": "%s", "timestamp": "%s", "deviceId": "d-%s", "deviceType": "tv",
				 "sessionId": "%s", "titleId": "%s", "country": "DE", "receivedAt": "%s", "ingestId": "i1"}"""
			.formatted(this.sequence++, type, timestamp, sessionId, sessionId, sessionId.equals("tick") ? "tick" : "t1",
					timestamp);
		this.raw.pipeInput("d-" + sessionId, json, timestamp);
	}

	private TestPipeline pipeline() {
		AnomalyThresholds thresholds = new AnomalyThresholds(3, WARMUP, 0.1, 20, 20, 20, 0.1, 0.02, 1);
		TestPipeline pipeline = TestPipeline.start(this.stateDir, Clock.fixed(DETECTED, ZoneOffset.UTC), this.registry,
				new SessionSketch(10_000, 12), thresholds);
		this.raw = pipeline.raw();
		this.anomalies = pipeline.output(Topics.ANOMALIES);
		return pipeline;
	}

}
