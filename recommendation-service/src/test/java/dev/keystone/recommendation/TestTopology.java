package dev.keystone.recommendation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import dev.keystone.events.Topics;
import dev.keystone.recommendation.recommend.RecommendSettings;
import dev.keystone.recommendation.state.StateStores;
import dev.keystone.recommendation.state.StoreAccess;
import dev.keystone.recommendation.state.StoreNames;
import dev.keystone.recommendation.system.RecommendationMetrics;
import dev.keystone.recommendation.system.StoredJson;
import dev.keystone.recommendation.titles.Catalog;
import dev.keystone.recommendation.titles.TitleBoard;
import dev.keystone.recommendation.titles.TitleQueries;
import dev.keystone.recommendation.titles.TitleSettings;
import dev.keystone.recommendation.watching.ProfileHistory;
import dev.keystone.recommendation.watching.WatchSettings;
import dev.keystone.recommendation.watching.WatchTracker;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

/**
 * The {@code recommend} topology in a TopologyTestDriver, with state in memory and the
 * shipped defaults unless a test says otherwise; enriched events and catalog entries in,
 * the stores read as the API reads them.
 */
public final class TestTopology implements AutoCloseable {

	public static final WatchSettings WATCHING = new WatchSettings(Duration.ofMinutes(2), 0.2, 0.9, 50,
			Duration.ofMinutes(30), 20);

	public static final TitleSettings TITLES = new TitleSettings(Duration.ofMinutes(30), 100, 5);

	public static final RecommendSettings RECOMMEND = new RecommendSettings(10, 0.85, 50, 3, 0.3, 0.1);

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, String> enriched;

	private final TestInputTopic<String, String> catalog;

	private final StoredJson json = StoredJson.standard();

	private TestTopology(TopologyTestDriver driver) {
		this.driver = driver;
		this.enriched = driver.createInputTopic(Topics.EVENTS_ENRICHED, new StringSerializer(), new StringSerializer());
		this.catalog = driver.createInputTopic(Topics.CATALOG_TITLES, new StringSerializer(), new StringSerializer());
	}

	public static TestTopology start(Path stateDir, WatchSettings watching, TitleSettings titles,
			MeterRegistry registry, Clock clock) {
		StoredJson json = StoredJson.standard();
		RecommendationTopology topology = new RecommendationTopology(
				new WatchTracker(watching, StateStores.MEMORY, json, new RecommendationMetrics(registry, clock)),
				new TitleBoard(titles, StateStores.MEMORY, json), new Catalog(json.mapper()), json);
		StreamsBuilder builder = new StreamsBuilder();
		topology.accept(builder.stream(Topics.EVENTS_ENRICHED, Consumed.with(Serdes.String(), Serdes.String())),
				builder.globalTable(Topics.CATALOG_TITLES, Consumed.with(Serdes.String(), Serdes.String()),
						Materialized.as(StoreNames.CATALOG)));
		Properties config = new Properties();
		config.put(StreamsConfig.APPLICATION_ID_CONFIG, "recommend-test");
		config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
		return new TestTopology(new TopologyTestDriver(builder.build(), config));
	}

	public void title(String titleId, String name, List<String> genres, long durationMs) {
		String genreList = String.join("\", \"", genres);
		this.catalog.pipeInput(titleId, """
				{"titleId": "%s", "name": "%s", "genres": ["%s"], "durationMs": %d}""".formatted(titleId, name,
				genreList, durationMs));
	}

	/** A playback event of the profile, as processing writes it to events.enriched. */
	public void playback(String profileId, String type, String titleId, Instant at, long positionMs) {
		String device = "dev-" + profileId;
		this.enriched.pipeInput(device,
				"""
						{"eventId": "%s", "type": "%s", "timestamp": "%s", "deviceId": "%s", "deviceType": "tv",
						 "profileId": "%s", "sessionId": "%s", "titleId": "%s", "positionMs": %d, "country": "DE",
						 "receivedAt": "%s", "ingestId": "test", "title": null, "deviceClass": "tv", "processedAt": "%s"}"""
					.formatted(profileId + "-" + titleId + "-" + type + "-" + at.toEpochMilli(), type, at, device,
							profileId, profileId + "-" + titleId, titleId, positionMs, at, at),
				at);
	}

	/** A session of the profile: a start, then heartbeats to the position. */
	public void watch(String profileId, String titleId, Instant at, long toPositionMs) {
		playback(profileId, "play_start", titleId, at, 0);
		playback(profileId, "heartbeat", titleId, at.plusMillis(toPositionMs), toPositionMs);
	}

	public void raw(String key, String value) {
		this.enriched.pipeInput(key, value);
	}

	public StoreAccess stores() {
		return this.driver::getKeyValueStore;
	}

	public ProfileHistory history(String profileId) {
		String stored = this.driver.<String, String>getKeyValueStore(StoreNames.PROFILES).get(profileId);
		return (stored != null) ? this.json.read(stored, ProfileHistory.class) : ProfileHistory.empty(profileId);
	}

	public TitleQueries titleQueries(TitleSettings settings, Clock clock) {
		return new TitleQueries(stores(), settings, this.json, clock);
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
