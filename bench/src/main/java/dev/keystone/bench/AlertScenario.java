package dev.keystone.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A burst of anomalies over many groups into {@code anomalies}; alert-service, with one
 * notification per alert (group wait 0, grouped by metric and scope), delivers to a
 * webhook this scenario serves. Every firing and resolved transition alert-service
 * committed to {@code alerts} must reach the webhook once: the share delivered exactly
 * once is printed last (a duplicate counts as a miss), with the anomaly-on-topic to
 * webhook-received latency and the rate the anomalies were taken.
 */
final class AlertScenario {

	private static final Pattern PROCESSED = Pattern
		.compile("(?m)^keystone_alert_anomalies_total\\{[^}]*\\} ([0-9.E+]+)$");

	private final BenchSettings settings;

	private final ObjectMapper mapper = EventJson.newMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int metrics = Integer.parseInt(System.getenv().getOrDefault("BENCH_ALERT_METRICS", "10"));

	private final int scopes = Integer.parseInt(System.getenv().getOrDefault("BENCH_ALERT_SCOPES", "100"));

	private final int anomalies = Integer.parseInt(System.getenv().getOrDefault("BENCH_ANOMALIES", "100000"));

	private final URI alerts = URI.create(System.getenv().getOrDefault("BENCH_ALERT_URL", "http://127.0.0.1:28084"));

	private final int receiverPort = Integer.parseInt(System.getenv().getOrDefault("BENCH_RECEIVER_PORT", "28086"));

	private final Duration resolveAfter = Duration.ofSeconds(30);

	private final Map<String, Long> firstOnTopic = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> received = new ConcurrentHashMap<>();

	private final Map<String, Long> firingAt = new ConcurrentHashMap<>();

	AlertScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void run() throws Exception {
		HttpServer receiver = receiver();
		try {
			rules();
			int groups = this.metrics * this.scopes;
			Report.progress("sending %,d anomalies over %,d groups", this.anomalies, groups);
			long started = System.currentTimeMillis();
			send(groups);
			long sent = System.currentTimeMillis();
			long processedAt = awaitProcessed(started);
			awaitTransitions(groups, Duration.ofSeconds(180).plus(this.resolveAfter));
			// Late duplicates would arrive now, if any.
			Thread.sleep(5000);
			report(groups, decided(), started, sent, processedAt);
		}
		finally {
			receiver.stop(0);
		}
	}

	private void rules() throws IOException, InterruptedException {
		String rules = "[{\"groupBy\": [\"metric\", \"scope\"], \"groupWait\": \"0s\", \"resolveAfter\": \""
				+ this.resolveAfter.toSeconds() + "s\"}]";
		HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(this.alerts.resolve("/v1/alert-rules"))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(rules))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("alert rules refused: " + answer.body());
		}
		// The rules reach the lifecycle through a global table; give it a moment.
		Thread.sleep(3000);
	}

	private void send(int groups) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		Instant now = Instant.now();
		Instant windowEnd = now.minusSeconds(now.getEpochSecond() % 60);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			int perGroup = this.anomalies / groups;
			for (int round = 0; round < perGroup; round++) {
				for (int group = 0; group < groups; group++) {
					String metric = "bench_metric_" + (group / this.scopes);
					String scope = "title:bench-" + (group % this.scopes);
					Anomaly anomaly = new Anomaly("bench-" + round + "-" + group, metric, scope,
							windowEnd.minusSeconds(60), windowEnd, 0.5, 0.05, 6, Severity.HIGH, Instant.now());
					String key = anomaly.key();
					boolean first = round == 0;
					producer.send(new ProducerRecord<>("anomalies", key, EventJson.write(this.mapper, anomaly)),
							(metadata, error) -> {
								if (first && error == null) {
									this.firstOnTopic.put(key, metadata.timestamp());
								}
							});
				}
			}
			producer.flush();
		}
	}

	private long awaitProcessed(long started) throws Exception {
		long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(10);
		while (System.currentTimeMillis() < deadline) {
			HttpResponse<String> metrics = this.http.send(
					HttpRequest.newBuilder(this.alerts.resolve("/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			double processed = 0;
			Matcher matcher = PROCESSED.matcher(metrics.body());
			while (matcher.find()) {
				processed += Double.parseDouble(matcher.group(1));
			}
			if (processed >= this.anomalies) {
				return System.currentTimeMillis();
			}
			Report.progress("%,.0f of %,d anomalies taken after %d s", processed, this.anomalies,
					(System.currentTimeMillis() - started) / 1000);
			Thread.sleep(1000);
		}
		throw new IllegalStateException("alert-service did not take every anomaly within 10 minutes");
	}

	/**
	 * Until every group fired and every alert that fired is resolved, or patience runs
	 * out.
	 */
	private void awaitTransitions(int groups, Duration patience) throws InterruptedException {
		long deadline = System.currentTimeMillis() + patience.toMillis();
		while (System.currentTimeMillis() < deadline) {
			long firing = this.received.keySet().stream().filter((pair) -> pair.endsWith("|firing")).count();
			long resolved = this.received.keySet().stream().filter((pair) -> pair.endsWith("|resolved")).count();
			if (this.firingAt.size() >= groups && firing == resolved) {
				return;
			}
			Report.progress("%,d groups fired, %,d alerts fired, %,d resolved", this.firingAt.size(), firing, resolved);
			Thread.sleep(2000);
		}
	}

	/**
	 * Every firing and resolved transition alert-service committed to {@code alerts}:
	 * what the receiver must have been sent, each once.
	 */
	private Set<String> decided() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
				false);
		Set<String> decided = new HashSet<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor("alerts")
				.stream()
				.map((info) -> new TopicPartition("alerts", info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					JsonNode alert = this.mapper.readTree(record.value());
					String transition = alert.path("transition").asText();
					if (transition.equals("firing") || transition.equals("resolved")) {
						decided.add(alert.path("alertId").asText() + "|" + transition);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return decided;
	}

	private void report(int groups, Set<String> decided, long started, long sent, long processedAt) {
		long expected = decided.size();
		long once = decided.stream()
			.filter((pair) -> this.received.containsKey(pair) && this.received.get(pair).get() == 1)
			.count();
		long duplicated = this.received.values().stream().filter((count) -> count.get() > 1).count();
		long missing = decided.stream().filter((pair) -> !this.received.containsKey(pair)).count();
		long unexpected = this.received.keySet().stream().filter((pair) -> !decided.contains(pair)).count();
		long firings = decided.stream().filter((pair) -> pair.endsWith("|firing")).count();
		List<Long> latencies = new ArrayList<>();
		this.firingAt.forEach((key, at) -> {
			Long onTopic = this.firstOnTopic.get(key);
			if (onTopic != null) {
				latencies.add(at - onTopic);
			}
		});
		latencies.sort(Long::compare);
		Report.figure("anomalies sent", this.anomalies, "anomalies");
		Report.figure("alert groups", groups, "groups");
		Report.figure("send time", (sent - started) / 1000.0, "s");
		Report.figure("anomalies taken by alert-service", this.anomalies * 1000.0 / (processedAt - started),
				"anomalies/s");
		Report.figure("anomaly on topic -> firing received p50", percentile(latencies, 0.50), "ms");
		Report.figure("anomaly on topic -> firing received p99", percentile(latencies, 0.99), "ms");
		Report.figure("anomaly on topic -> firing received max", percentile(latencies, 1.0), "ms");
		Report.figure("alerts opened (a group quiet for the resolve time opens a second)", firings, "alerts");
		Report.figure("transitions decided on the alerts topic (firing, resolved)", expected, "transitions");
		Report.figure("transitions received that were never decided", unexpected, "transitions");
		Report.figure("transitions delivered exactly once", once, "transitions");
		Report.figure("transitions delivered more than once", duplicated, "transitions");
		Report.figure("transitions never delivered", missing, "transitions");
		Report.ratio("delivered exactly once / expected", (double) once / expected, 6);
	}

	private static double percentile(List<Long> sorted, double quantile) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(quantile * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private HttpServer receiver() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", this.receiverPort), 256);
		server.setExecutor(Executors.newFixedThreadPool(8));
		server.createContext("/", (exchange) -> {
			long at = System.currentTimeMillis();
			JsonNode body = this.mapper.readTree(exchange.getRequestBody());
			String transition = body.path("transition").asText();
			for (JsonNode alert : body.path("alerts")) {
				this.received
					.computeIfAbsent(alert.path("alertId").asText() + "|" + transition, (k) -> new AtomicLong())
					.incrementAndGet();
				if (transition.equals("firing")) {
					this.firingAt.putIfAbsent(alert.path("groupKey").asText(), at);
				}
			}
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

}
