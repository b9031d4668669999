package dev.keystone.processing.windowing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import dev.keystone.events.Window;
import dev.keystone.processing.system.StateStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The merge on its own, fed by two raw partitions whose clocks are far apart, as after a
 * restart with a backlog.
 */
class WindowMergeTests {

	private static final long T0 = Instant.parse("2025-01-31T20:00:00Z").toEpochMilli();

	private static final long TEN_SECONDS = 10_000;

	private static final Counters COUNTERS = Counters.sessions().sum("events");

	private static final Counter EVENTS = COUNTERS.counter("events");

	private static final Series SERIES = new Series(0, "test-10s", Window.TEN_SECONDS, COUNTERS);

	@TempDir
	Path stateDir;

	private TestInputTopic<String, byte[]> partials;

	private TestOutputTopic<String, String> closed;

	@Test
	void waitsForEveryPartitionBeforeEmittingAWindow() {
		try (TopologyTestDriver driver = driver(2)) {
			partial("t1", T0, 3, 7);
			watermark(0, T0 + 5 * TEN_SECONDS);
			assertThat(this.closed.isEmpty()).isTrue();

			partial("t1", T0, 2, 4);
			watermark(1, T0 + TEN_SECONDS);

			assertThat(this.closed.readValuesToList()).containsExactly("t1 test-10s " + T0 + " 5 11",
					"through " + (T0 + TEN_SECONDS));
		}
	}

	@Test
	void keepsLaterWindowsOpenWhileOnePartitionLagsBehind() {
		try (TopologyTestDriver driver = driver(2)) {
			partial("t1", T0, 1, 1);
			partial("t1", T0 + TEN_SECONDS, 4, 4);
			partial("t1", T0 + 2 * TEN_SECONDS, 6, 6);
			watermark(0, T0 + 3 * TEN_SECONDS);
			watermark(1, T0 + TEN_SECONDS);
			assertThat(this.closed.readValuesToList()).containsExactly("t1 test-10s " + T0 + " 1 1",
					"through " + (T0 + TEN_SECONDS));

			partial("t1", T0 + TEN_SECONDS, 2, 3);
			watermark(1, T0 + 3 * TEN_SECONDS);

			assertThat(this.closed.readValuesToList()).containsExactly("t1 test-10s " + (T0 + TEN_SECONDS) + " 6 7",
					"t1 test-10s " + (T0 + 2 * TEN_SECONDS) + " 6 6", "through " + (T0 + 3 * TEN_SECONDS));
		}
	}

	@Test
	void emitsNothingWhileThePartitionCountIsUnknown() {
		try (TopologyTestDriver driver = driver(0)) {
			partial("t1", T0, 1, 1);
			watermark(0, T0 + TEN_SECONDS);

			assertThat(this.closed.isEmpty()).isTrue();
		}
	}

	@Test
	void ignoresAWatermarkThatGoesBack() {
		try (TopologyTestDriver driver = driver(1)) {
			watermark(0, T0 + 2 * TEN_SECONDS);
			watermark(0, T0);
			partial("t1", T0 + 2 * TEN_SECONDS, 1, 1);
			watermark(0, T0 + 3 * TEN_SECONDS);

			assertThat(this.closed.readValuesToList()).containsExactly("through " + (T0 + 2 * TEN_SECONDS),
					"t1 test-10s " + (T0 + 2 * TEN_SECONDS) + " 1 1", "through " + (T0 + 3 * TEN_SECONDS));
		}
	}

	/** A partial carries no partition: which one sent it only matters for watermarks. */
	private void partial(String key, long start, long sessions, long events) {
		WindowRecord partial = new WindowRecord.Partial(SERIES, start, new long[] { sessions, events }, false);
		this.partials.pipeInput(key, partial.bytes(), start);
	}

	private void watermark(int partition, long through) {
		this.partials.pipeInput("", new WindowRecord.Watermark(partition, through).bytes(), through);
	}

	private TopologyTestDriver driver(int partitions) {
		PartitionProgress progress = new PartitionProgress() {

			@Override
			public int partitions() {
				return partitions;
			}

			@Override
			public boolean caughtUp(int partition) {
				return false;
			}

		};
		StreamsBuilder builder = new StreamsBuilder();
		builder.stream("partials", Consumed.with(Serdes.String(), Serdes.ByteArray()))
			.process(new WindowMerge(new DeclaredSeries(List.of(SERIES)), progress, StateStores.MEMORY,
					new SimpleMeterRegistry()))
			.mapValues((closing) -> (closing instanceof ClosedWindow window)
					? window.key() + " " + window.series() + " " + window.start().toEpochMilli() + " "
							+ window.sessions() + " " + window.count(EVENTS)
					: "through " + ((ClosedThrough) closing).through().toEpochMilli())
			.to("closed", Produced.with(Serdes.String(), Serdes.String()));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "merge-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, this.stateDir.toString());
		TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config);
		this.partials = driver.createInputTopic("partials", new StringSerializer(), new ByteArraySerializer());
		this.closed = driver.createOutputTopic("closed", new StringDeserializer(), new StringDeserializer());
		return driver;
	}

}
