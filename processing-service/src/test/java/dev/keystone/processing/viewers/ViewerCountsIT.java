package dev.keystone.processing.viewers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;
import dev.keystone.events.ViewerCount;
import dev.keystone.processing.ProcessingApplication;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on the real Kafka: raw events in, exact viewer counts out, also
 * across a restart that loses the local state.
 */
class ViewerCountsIT {

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	/**
	 * Long enough that events sent after a restart still fall in open windows: each
	 * partition's clock follows the wall clock while it has nothing to read.
	 */
	private static final Duration GRACE = Duration.ofSeconds(60);

	@TempDir
	Path stateDirs;

	private final String applicationId = "keystone-processing-it-" + UUID.randomUUID();

	private final String titleId = "it-title-" + UUID.randomUUID();

	private KafkaProducer<String, String> producer;

	private TopicProbe counts;

	private ConfigurableApplicationContext service;

	/** Enriched events of the title: what the service has processed. */
	private TopicProbe enriched;

	@BeforeEach
	void connect() {
		KeystoneStack stack = KeystoneStack.shared();
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(),
				new StringSerializer());
		this.counts = TopicProbe.from(stack, Topics.VIEWERS_COUNTS);
		this.enriched = TopicProbe.from(stack, Topics.EVENTS_ENRICHED);
	}

	@AfterEach
	void disconnect() {
		if (this.service != null) {
			this.service.close();
		}
		this.producer.close();
		this.counts.close();
		this.enriched.close();
	}

	@Test
	void countsTheExactSessionsOfEachClosedTenSecondWindow() throws Exception {
		Instant window = nextWindow();
		this.service = start();

		sessions(window, 0, 7);
		sessions(window.plusSeconds(10), 100, 4);

		assertThat(tenSecondCounts(2)).containsExactly(
				new ViewerCount(this.titleId, "10s", window, window.plusSeconds(10), 7, 14),
				new ViewerCount(this.titleId, "10s", window.plusSeconds(10), window.plusSeconds(20), 4, 8));
	}

	@Test
	void countsEachSessionOnceAcrossARestartThatLosesLocalState() throws Exception {
		Instant window = nextWindow();
		this.service = start();
		sessions(window, 0, 5);
		awaitProcessed(10);

		this.service.close();
		this.service = start();
		// sessions 3 and 4 again, as a device retrying after a timeout would: duplicates
		sessions(window, 3, 5);

		assertThat(tenSecondCounts(1))
			.containsExactly(new ViewerCount(this.titleId, "10s", window, window.plusSeconds(10), 8, 16));
		assertThat(this.counts.drain(this::ofTitle, Duration.ofSeconds(5))).hasSize(1);
	}

	/** Waits until the service has processed that many events of the title. */
	private void awaitProcessed(int events) {
		this.enriched.await((record) -> record.value().contains(this.titleId), events, Duration.ofSeconds(90));
	}

	/**
	 * Starts the service with a new state directory, so a restart restores from the
	 * changelogs, and returns once it runs.
	 */
	private ConfigurableApplicationContext start() throws Exception {
		Path stateDir = Files.createTempDirectory(this.stateDirs, "state");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ProcessingApplication.class).run(
				"--server.port=0", "--KAFKA_BOOTSTRAP_SERVERS=" + KeystoneStack.shared().kafkaBootstrapServers(),
				"--keystone.processing.streams.application-id=" + this.applicationId,
				"--keystone.processing.windows.grace=" + GRACE,
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir);
		KafkaStreamsRegistry registry = context.getBean(KafkaStreamsRegistry.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(90))
			.until(() -> registry.streamsBuilderFactoryBeans().size() == 1 && registry.streamsBuilderFactoryBeans()
				.stream()
				.allMatch((factory) -> factory.getKafkaStreams() != null
						&& factory.getKafkaStreams().state() == KafkaStreams.State.RUNNING));
		return context;
	}

	/**
	 * A window boundary just ahead, so the sessions are neither late nor in the future.
	 */
	private static Instant nextWindow() {
		long now = System.currentTimeMillis();
		return Instant.ofEpochMilli((now / 10_000 + 1) * 10_000);
	}

	/** Sessions {@code first..first+count-1} each start and send a heartbeat. */
	private void sessions(Instant window, int first, int count) throws Exception {
		for (int i = first; i < first + count; i++) {
			String session = this.titleId + "-s" + i;
			send("play_start", session, window.plusMillis(i % 10 * 100L));
			send("heartbeat", session, window.plusMillis(5_000 + i % 10 * 100L));
		}
		this.producer.flush();
	}

	private void send(String type, String session, Instant timestamp) throws Exception {
		String device = "dev-" + session;
		String event = """
				{"eventId": "%s", "type": "%s", "timestamp": "%s", "deviceId": "%s", "deviceType": "tv",
				 "sessionId": "%s", "titleId": "%s", "country": "DE", "receivedAt": "%s", "ingestId": "it"}"""
			.formatted(session + "-" + type, type, timestamp, device, session, this.titleId, Instant.now());
		this.producer.send(new ProducerRecord<>(Topics.EVENTS_RAW, device, event)).get();
	}

	private List<ViewerCount> tenSecondCounts(int windows) throws JsonProcessingException {
		List<ViewerCount> counts = new ArrayList<>();
		for (ConsumerRecord<String, String> record : this.counts.await(this::ofTitle, windows,
				Duration.ofSeconds(180))) {
			ViewerCount count = MAPPER.readValue(record.value(), ViewerCount.class);
			if (count.window().equals("10s")) {
				counts.add(count);
			}
		}
		counts.sort((a, b) -> a.start().compareTo(b.start()));
		return counts;
	}

	private boolean ofTitle(ConsumerRecord<String, String> record) {
		return this.titleId.equals(record.key()) && record.value().contains("\"window\":\"10s\"");
	}

}
