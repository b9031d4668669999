package dev.keystone.alert.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.Notification;
import dev.keystone.alert.rules.RuleChecker;
import dev.keystone.alert.rules.RuleDefaults;
import dev.keystone.alert.rules.RuleDocument;
import dev.keystone.alert.rules.StoredRules;
import dev.keystone.alert.silences.Silence;
import dev.keystone.alert.system.AlertSettings;
import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import dev.keystone.events.Title;
import dev.keystone.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole {@code alerts} topology in a TopologyTestDriver, state in memory, the wall
 * clock driven by the test, the shipped defaults unless a test sets rules.
 */
final class TestLifecycle implements AutoCloseable {

	static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

	static final AlertSettings SETTINGS = new AlertSettings(5, Duration.ofSeconds(1), Duration.ofHours(1), 20,
			Duration.ofDays(7), new AlertSettings.Topics("keystone-alert", 12, (short) 1));

	static final RuleDefaults DEFAULTS = new RuleDefaults(1, Duration.ofMinutes(10), Duration.ofMinutes(5),
			Duration.ofHours(4), List.of("metric"), Duration.ofSeconds(30));

	private final ObjectMapper mapper = EventJson.newMapper();

	private final TopologyTestDriver driver;

	private final TestInputTopic<String, String> anomalies;

	private final TestInputTopic<String, String> inbox;

	private final TestInputTopic<String, String> rules;

	private final TestInputTopic<String, String> silences;

	private final TestInputTopic<String, String> titles;

	private final TestOutputTopic<String, String> alerts;

	private final TestOutputTopic<String, String> state;

	private final TestOutputTopic<String, String> notifications;

	private int sequence;

	TestLifecycle() {
		AlertSettings.Topics topics = SETTINGS.topics();
		StoredRules stored = new StoredRules(this.mapper, new RuleChecker(DEFAULTS, Set.of("ops", "pager")));
		Lifecycle lifecycle = new Lifecycle(SETTINGS, stored, Set.of("ops", "pager"),
				Stores.inMemoryKeyValueStore(Lifecycle.BOOK), new AlertMetrics(new SimpleMeterRegistry()), this.mapper);
		StreamsBuilder builder = new StreamsBuilder();
		Consumed<String, String> strings = Consumed.with(Serdes.String(), Serdes.String());
		KStream<String, String>[] outputs = new AlertTopology(lifecycle, 4, this.mapper)
			.apply(builder.stream(List.of(Topics.ANOMALIES, topics.inbox()), strings))
			.apply(builder.globalTable(topics.rules(), strings, Materialized.as(Lifecycle.RULES)))
			.apply(builder.globalTable(topics.silences(), strings, Materialized.as(Lifecycle.SILENCES)))
			.apply(builder.globalTable(Topics.CATALOG_TITLES, strings, Materialized.as(Lifecycle.TITLES)));
		String[] out = { Topics.ALERTS, topics.state(), topics.notifications() };
		for (int i = 0; i < outputs.length; i++) {
			outputs[i].to(out[i], Produced.with(Serdes.String(), Serdes.String()));
		}
		Properties properties = new Properties();
		properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "alert-test");
		properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
		this.driver = new TopologyTestDriver(builder.build(), properties, T0);
		StringSerializer serializer = new StringSerializer();
		StringDeserializer deserializer = new StringDeserializer();
		this.anomalies = this.driver.createInputTopic(Topics.ANOMALIES, serializer, serializer);
		this.inbox = this.driver.createInputTopic(topics.inbox(), serializer, serializer);
		this.rules = this.driver.createInputTopic(topics.rules(), serializer, serializer);
		this.silences = this.driver.createInputTopic(topics.silences(), serializer, serializer);
		this.titles = this.driver.createInputTopic(Topics.CATALOG_TITLES, serializer, serializer);
		this.alerts = this.driver.createOutputTopic(Topics.ALERTS, deserializer, deserializer);
		this.state = this.driver.createOutputTopic(topics.state(), deserializer, deserializer);
		this.notifications = this.driver.createOutputTopic(topics.notifications(), deserializer, deserializer);
	}

	Instant now() {
		return T0.plus(Duration.ofMillis(this.elapsedMs));
	}

	private long elapsedMs;

	/** Moves the wall clock on in one-second ticks, as the service's punctuation runs. */
	void advance(Duration duration) {
		long seconds = duration.toSeconds();
		for (long i = 0; i < seconds; i++) {
			this.elapsedMs += 1000;
			this.driver.advanceWallClockTime(Duration.ofSeconds(1));
		}
	}

	/** An anomaly detected now, for the one-minute window that just ended. */
	Anomaly anomaly(String metric, String scope, Severity severity, double observed, double expected) {
		Instant now = now();
		Instant windowEnd = now.minusSeconds(now.getEpochSecond() % 60);
		Anomaly anomaly = new Anomaly("an-" + (++this.sequence), metric, scope, windowEnd.minusSeconds(60), windowEnd,
				observed, expected, 4.2, severity, now);
		send(anomaly);
		return anomaly;
	}

	/** An anomaly read now but written {@code behind} ago, as in a backlog. */
	void backlogged(Anomaly anomaly, Duration behind) {
		this.anomalies.pipeInput(anomaly.key(), EventJson.write(this.mapper, anomaly), now().minus(behind));
	}

	void send(Anomaly anomaly) {
		this.anomalies.pipeInput(anomaly.key(), EventJson.write(this.mapper, anomaly), now());
	}

	void rules(RuleDocument... rules) {
		this.rules.pipeInput(StoredRules.KEY, EventJson.write(this.mapper, List.of(rules)), now());
	}

	void silence(Silence silence) {
		this.silences.pipeInput(silence.silenceId(), EventJson.write(this.mapper, silence), now());
	}

	void title(String titleId, String name) {
		this.titles.pipeInput(titleId,
				EventJson.write(this.mapper, new Title(titleId, name, List.of("drama"), 3_000_000L, 2020)), now());
	}

	void act(String action, Alert alert, String by) {
		this.inbox.pipeInput(alert.metric(),
				EventJson.write(this.mapper,
						new InboxMessage(action, alert.alertId(), alert.metric(), alert.scope(), by, null, now())),
				now());
	}

	List<Alert> alerts() {
		return this.alerts.readValuesToList().stream().map((json) -> read(json, Alert.class)).toList();
	}

	List<AlertRecord> states() {
		return this.state.readValuesToList().stream().map((json) -> read(json, AlertRecord.class)).toList();
	}

	List<Notification> notifications() {
		return this.notifications.readValuesToList().stream().map((json) -> read(json, Notification.class)).toList();
	}

	private <T> T read(String json, Class<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.driver.close();
	}

}
