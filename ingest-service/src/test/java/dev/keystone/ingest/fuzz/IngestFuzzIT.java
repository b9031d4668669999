package dev.keystone.ingest.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventValidator;
import dev.keystone.events.Topics;
import dev.keystone.events.ValidationResult;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.TopicEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input at scale against the real service and Kafka: a seeded run of
 * requests (see {@link RequestFuzzer}). Every answer must be below 500, an error must be
 * problem+json without a trace of the implementation, a request of known meaning must get
 * exactly its right answer, and afterwards {@code events.raw} must hold exactly the
 * events answered as accepted, each one passing the validator processing applies, with
 * the service still healthy. {@code -Dkeystone.fuzz.cases} and
 * {@code -Dkeystone.fuzz.seed} make the run longer or different; a failure names the seed
 * and case to replay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestFuzzIT {

	private static final Logger log = LoggerFactory.getLogger(IngestFuzzIT.class);

	private static final int CASES = Integer.getInteger("keystone.fuzz.cases", 1500);

	private static final long SEED = Long.getLong("keystone.fuzz.seed", 20_261_130L);

	private static final ObjectMapper MAPPER = EventJson.newMapper();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Test
	void answersEveryGeneratedRequestWithoutServerErrorAndWritesOnlyValidEvents() throws Exception {
		try (KafkaConsumer<String, byte[]> raw = rawTopicFromItsEnd()) {
			RequestFuzzer fuzzer = new RequestFuzzer(SEED, Instant.now());
			RawHttp http = new RawHttp(this.port);
			Map<Integer, Integer> statuses = new TreeMap<>();
			List<String> failures = new ArrayList<>();
			long accepted = 0;
			long started = System.nanoTime();
			int cases = 0;
			for (int i = 0; i < CASES && failures.size() < 10; i++, cases++) {
				FuzzCase request = fuzzer.next();
				RawHttp.Reply reply = http.send("/v1/events", request);
				statuses.merge(reply.status(), 1, Integer::sum);
				String problem = judge(request, reply);
				if (problem != null) {
					failures.add("seed " + SEED + " case " + i + " (" + request.label() + "): " + problem);
				}
				if (reply.status() == 202 || reply.status() == 207) {
					accepted += MAPPER.readTree(reply.body()).path("accepted").asLong();
				}
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			log.info("fuzz seed={} cases={} seconds={} statuses={} accepted={}", SEED, cases,
					String.format("%.1f", seconds), statuses, accepted);
			report(cases, seconds, statuses, accepted, failures.size());
			assertThat(failures).as("cases answered wrongly").isEmpty();

			List<String> written = checkWritten(raw, accepted);
			assertThat(written).as("events on events.raw the pipeline would refuse").isEmpty();
			assertThat(health()).isEqualTo(200);
			assertThat(serverErrorsCounted()).as("server errors the service counted").isEmpty();
		}
	}

	/**
	 * The run's figures, one a line with its unit, for {@code bench/run fuzz} to print.
	 */
	private static void report(int cases, double seconds, Map<Integer, Integer> statuses, long accepted, int failures)
			throws IOException {
		StringBuilder report = new StringBuilder();
		report.append(figure("seed", SEED, "")).append(figure("cases", cases, "requests"));
		report.append(figure("time", seconds, "s")).append(figure("rate", cases / seconds, "requests/s"));
		statuses.forEach((status, count) -> report.append(figure("answered " + status, count, "requests")));
		report.append(figure("events accepted", accepted, "events"));
		report.append(figure("cases answered wrongly", failures, "requests"));
		java.nio.file.Files.writeString(java.nio.file.Path.of("target", "fuzz-report.txt"), report);
	}

	private static String figure(String name, double value, String unit) {
		return String.format(java.util.Locale.ROOT, "%-40s %14.1f %s%n", name, value, unit);
	}

	/** What is wrong with the answer to one request, or null. */
	private static String judge(FuzzCase request, RawHttp.Reply reply) {
		if (request.cutOff()) {
			return null;
		}
		if (reply.status() >= 500) {
			return "answered " + reply.status() + ": " + reply.body();
		}
		if (reply.status() <= 0) {
			return request.raw() ? null : "no answer";
		}
		if (reply.status() >= 400 && !request.raw() && !reply.contentType().startsWith("application/problem+json")) {
			return "answered " + reply.status() + " as " + reply.contentType() + ": " + reply.body();
		}
		for (String leak : new String[] { "Exception", "at dev.", "at com.", "at org.", "jackson",
				"StreamReadConstraints", "getMax" }) {
			if (reply.body().contains(leak)) {
				return "leaks '" + leak + "': " + reply.body();
			}
		}
		FuzzCase.Expected expected = request.expected();
		if (expected == null) {
			return null;
		}
		if (reply.status() != expected.status()) {
			return "answered " + reply.status() + " instead of " + expected.status() + ": " + reply.body();
		}
		if (expected.accepted() > 0) {
			try {
				long accepted = MAPPER.readTree(reply.body()).path("accepted").asLong(-1);
				if (accepted != expected.accepted()) {
					return "accepted " + accepted + " instead of " + expected.accepted();
				}
			}
			catch (IOException ex) {
				return "answer not JSON: " + reply.body();
			}
		}
		return null;
	}

	/**
	 * Reads what the run wrote and returns a line per record the pipeline would refuse:
	 * not UTF-8, not valid for processing, or keyed by another device.
	 */
	private static List<String> checkWritten(KafkaConsumer<String, byte[]> raw, long accepted) {
		EventValidator pipeline = EventValidator.forPipeline(MAPPER);
		List<String> refused = new ArrayList<>();
		long[] read = { 0 };
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(10))
			.until(() -> {
				for (ConsumerRecord<String, byte[]> record : raw.poll(Duration.ofMillis(500))) {
					read[0]++;
					String problem = refusal(pipeline, record);
					if (problem != null && refused.size() < 10) {
						refused.add(problem);
					}
				}
				return read[0] >= accepted;
			});
		for (ConsumerRecord<String, byte[]> record : raw.poll(Duration.ofSeconds(2))) {
			read[0]++;
		}
		assertThat(read[0]).as("records on events.raw against events answered as accepted").isEqualTo(accepted);
		return refused;
	}

	private static String refusal(EventValidator pipeline, ConsumerRecord<String, byte[]> record) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(record.value()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return "not UTF-8: " + new String(record.value(), StandardCharsets.UTF_8);
		}
		JsonNode event;
		try {
			event = MAPPER.readTree(text);
		}
		catch (IOException ex) {
			return "not JSON: " + text;
		}
		ValidationResult result = pipeline.validate(event);
		if (!result.isValid()) {
			return result.problems() + ": " + text;
		}
		if (!result.event().deviceId().equals(record.key())) {
			return "keyed " + record.key() + ": " + text;
		}
		return null;
	}

	private static KafkaConsumer<String, byte[]> rawTopicFromItsEnd() {
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KeystoneStack.shared().kafkaBootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
				new StringDeserializer(), new ByteArrayDeserializer());
		return TopicEnd.readFromEnd(consumer, Topics.EVENTS_RAW);
	}

	private int health() throws IOException {
		return new RawHttp(this.port).get("/actuator/health").status();
	}

	/** Server errors the service counted, including answers to clients that hung up. */
	private List<String> serverErrorsCounted() throws IOException {
		List<String> errors = new ArrayList<>();
		for (String line : new RawHttp(this.port).get("/actuator/prometheus").body().split("\n")) {
			if (line.startsWith("http_server_requests_seconds_count") && line.contains("status=\"5")) {
				errors.add(line);
			}
		}
		return errors;
	}

}
