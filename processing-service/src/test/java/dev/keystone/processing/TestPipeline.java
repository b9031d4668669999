package dev.keystone.processing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.processing.anomaly.AnomalyDetection;
import dev.keystone.processing.anomaly.AnomalyThresholds;
import dev.keystone.processing.anomaly.ScopeContributor;
import dev.keystone.processing.cleansing.Cleansing;
import dev.keystone.processing.cleansing.CleansingSettings;
import dev.keystone.processing.enrichment.Enrichment;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.system.WindowSettings;
import dev.keystone.processing.viewers.ViewerContributor;
import dev.keystone.processing.viewers.ViewerCounts;
import dev.keystone.processing.windowing.Contributor;
import dev.keystone.processing.windowing.PartitionProgress;
import dev.keystone.processing.windowing.SessionSketch;
import dev.keystone.processing.windowing.Windowing;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The whole {@code process} topology in a TopologyTestDriver, with state in memory and
 * the shipped defaults unless a test says otherwise.
 */
public final class TestPipeline implements AutoCloseable {

	public static final CleansingSettings CLEANSING = new CleansingSettings(Duration.ofMinutes(5), Duration.ofDays(7),
			Duration.ofHours(1));

	public static final WindowSettings WINDOWS = new WindowSettings(Duration.ofSeconds(10), Duration.ofSeconds(5));

	public static final AnomalyThresholds THRESHOLDS = new AnomalyThresholds(3, 10, 0.1, 20, 20, 20, 0.1, 0.02, 1);

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, String> raw;

	private final TestInputTopic<String, String> titles;

	private TestPipeline(TopologyTestDriver driver) {
		this.driver = driver;
		this.raw = driver.createInputTopic(Topics.EVENTS_RAW, new StringSerializer(), new StringSerializer());
		this.titles = driver.createInputTopic(Topics.CATALOG_TITLES, new StringSerializer(), new StringSerializer());
	}

	public static TestPipeline start(Path stateDir, Clock clock, MeterRegistry registry, SessionSketch sketch,
			AnomalyThresholds thresholds) {
		ObjectMapper mapper = EventJson.newMapper();
		StageCounters counters = new StageCounters(registry);
		List<Contributor> contributors = List.of(new ViewerContributor(), new ScopeContributor());
		ProcessingTopology topology = new ProcessingTopology(
				new Cleansing(CLEANSING, counters, StateStores.MEMORY, mapper, clock),
				new Windowing(contributors, WINDOWS, sketch, PartitionProgress.single(), counters, StateStores.MEMORY,
						registry),
				new Enrichment(mapper, clock, registry), new ViewerCounts(mapper),
				new AnomalyDetection(thresholds, StateStores.MEMORY, mapper, clock, registry), mapper);
		StreamsBuilder builder = new StreamsBuilder();
		KStream<String, String>[] outputs = topology.apply(
				builder.stream(Topics.EVENTS_RAW, Consumed.with(Serdes.String(), Serdes.String())),
				builder.globalTable(Topics.CATALOG_TITLES, Consumed.with(Serdes.String(), Serdes.String())));
		String[] topics = { Topics.EVENTS_ENRICHED, Topics.EVENTS_REJECTED, Topics.VIEWERS_COUNTS, Topics.ANOMALIES };
		for (int i = 0; i < topics.length; i++) {
			outputs[i].to(topics[i], Produced.with(Serdes.String(), Serdes.String()));
		}
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "process-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		return new TestPipeline(new TopologyTestDriver(builder.build(), config));
	}

	public TestInputTopic<String, String> raw() {
		return this.raw;
	}

	public TestInputTopic<String, String> titles() {
		return this.titles;
	}

	public TestOutputTopic<String, String> output(String topic) {
		return this.driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer());
	}

	public void advanceWallClock(Duration duration) {
		this.driver.advanceWallClockTime(duration);
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
