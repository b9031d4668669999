package dev.keystone.processing.windowing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.DeviceType;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventType;
import dev.keystone.events.Window;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.system.WindowSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A feature of this test's own plugs a series into the engine, names its counters and
 * reads them back from the closed windows: per title and minute, the plays (a sum) and
 * the sessions that hit an error (a session subset).
 */
class FeatureSeriesTests {

	private static final Instant T0 = Instant.parse("2025-01-31T20:00:00Z");

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	@TempDir
	Path stateDir;

	@Test
	void readsEachNamedCounterBackFromTheClosedWindow() {
		List<ClosedWindow> closed = new ArrayList<>();
		try (TopologyTestDriver driver = driver(List.of(new Plays()), closed)) {
			TestInputTopic<String, Event> events = events(driver);
			events.pipeInput(event("s1", EventType.PLAY_START, T0));
			events.pipeInput(event("s1", EventType.PLAYBACK_ERROR, T0.plusSeconds(5)));
			events.pipeInput(event("s1", EventType.PLAYBACK_ERROR, T0.plusSeconds(6)));
			events.pipeInput(event("s2", EventType.PLAY_START, T0.plusSeconds(7)));
			events.pipeInput(event("s2", EventType.HEARTBEAT, T0.plusSeconds(8)));
			events.pipeInput(event("s3", EventType.PLAYBACK_ERROR, T0.plusSeconds(9)));
			events.pipeInput(event("s4", EventType.PLAY_START, T0.plusSeconds(90)));
		}

		assertThat(closed).hasSize(1);
		ClosedWindow window = closed.get(0);
		assertThat(window.series()).isSameAs(Plays.PER_MINUTE);
		assertThat(window.key()).isEqualTo("t1");
		assertThat(window.start()).isEqualTo(T0);
		assertThat(window.end()).isEqualTo(T0.plusSeconds(60));
		assertThat(window.sessions()).isEqualTo(3);
		assertThat(window.count(Plays.PLAYS)).isEqualTo(2);
		assertThat(window.count(Plays.ERROR_SESSIONS)).isEqualTo(2);
		assertThat(window.count(Plays.COUNTERS.sessionCount())).isEqualTo(3);
		assertThat(window.approximate()).isFalse();
	}

	@Test
	void refusesToReadACounterOfAnotherLayout() {
		List<ClosedWindow> closed = new ArrayList<>();
		try (TopologyTestDriver driver = driver(List.of(new Plays()), closed)) {
			TestInputTopic<String, Event> events = events(driver);
			events.pipeInput(event("s1", EventType.PLAY_START, T0));
			events.pipeInput(event("s2", EventType.PLAY_START, T0.plusSeconds(90)));
		}
		Counter otherEvents = Counters.sessions().sum("plays").counter("plays");

		assertThatThrownBy(() -> closed.get(0).count(otherEvents)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("plays");
	}

	@Test
	void refusesTwoSeriesDeclaredWithOneId() {
		Series clash = new Series(Plays.PER_MINUTE.id(), "clash-1m", Window.ONE_MINUTE, Plays.COUNTERS);
		Contributor other = new Contributor() {

			@Override
			public List<Series> series() {
				return List.of(clash);
			}

			@Override
			public void contribute(Event event, Consumer<Contribution> into) {
			}

		};

		assertThatThrownBy(() -> windowing(List.of(new Plays(), other))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("plays-1m")
			.hasMessageContaining("clash-1m")
			.hasMessageContaining("id 42");
	}

	@Test
	void refusesToSumASessionCounterOrMarkASum() {
		Increment none = Increment.of(Plays.COUNTERS);

		assertThatThrownBy(() -> none.plus(Plays.ERROR_SESSIONS, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> none.inSessionSubset(Plays.PLAYS)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Plays.COUNTERS.sum("plays")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("declared twice");
	}

	/** The feature: what it declares, and what each playback event adds. */
	private static final class Plays implements Contributor {

		static final Counters COUNTERS = Counters.sessions().sum("plays").sessionSubset("error_sessions");

		static final Counter PLAYS = COUNTERS.counter("plays");

		static final Counter ERROR_SESSIONS = COUNTERS.counter("error_sessions");

		static final Series PER_MINUTE = new Series(42, "plays-1m", Window.ONE_MINUTE, COUNTERS);

		private static final Increment SESSION = Increment.of(COUNTERS);

		private static final Increment PLAY = SESSION.plus(PLAYS, 1);

		private static final Increment ERROR = SESSION.inSessionSubset(ERROR_SESSIONS);

		@Override
		public List<Series> series() {
			return List.of(PER_MINUTE);
		}

		@Override
		public void contribute(Event event, Consumer<Contribution> into) {
			Increment increment = switch (event.type()) {
				case PLAY_START -> PLAY;
				case PLAYBACK_ERROR -> ERROR;
				default -> SESSION;
			};
			into.accept(new Contribution(PER_MINUTE, event.titleId(), event.sessionId(), increment));
		}

	}

	private static Event event(String session, EventType type, Instant at) {
		return new Event(session + "-" + at.toEpochMilli(), type, at, "d-" + session, DeviceType.TV, null, session,
				"t1", null, null, null, null, at, "i1");
	}

	private static Windowing windowing(List<Contributor> contributors) {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		return new Windowing(contributors, new WindowSettings(Duration.ofSeconds(10), Duration.ofSeconds(5)),
				new SessionSketch(10_000, 12), PartitionProgress.single(), new StageCounters(registry),
				StateStores.MEMORY, registry);
	}

	private TopologyTestDriver driver(List<Contributor> contributors, List<ClosedWindow> closed) {
		StreamsBuilder builder = new StreamsBuilder();
		windowing(contributors).apply(builder.stream("events", Consumed.with(Serdes.String(), eventSerde())))
			.closed()
			.foreach((key, window) -> closed.add(window));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "feature-series-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		return new TopologyTestDriver(builder.build(), config);
	}

	private static TestInputTopic<String, Event> events(TopologyTestDriver driver) {
		return driver.createInputTopic("events", new StringSerializer(), eventSerde().serializer());
	}

	private static Serde<Event> eventSerde() {
		return Serdes.serdeFrom((topic, event) -> EventJson.writeBytes(MAPPER, event), (topic, bytes) -> {
			try {
				return MAPPER.readValue(bytes, Event.class);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

}
