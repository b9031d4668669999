package dev.keystone.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A burst of anomalies over many groups into {@code anomalies}; alert-service, with one
 * notification per alert (group wait 0, grouped by metric and scope), delivers to a
 * webhook this scenario serves. Each group's alert must fire once and resolve once: the
 * share of those transitions delivered exactly once is printed last (a duplicate counts
 * as a miss), with the anomaly-on-topic to webhook-received latency and the rate the
 * anomalies were taken.
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

	private final Duration resolveAfter = Duration.ofSeconds(20);

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
			long expected = 2L * groups;
			awaitTransitions(expected, Duration.ofSeconds(180).plus(this.resolveAfter));
			// Late duplicates would arrive now, if any.
			Thread.sleep(5000);
			report(groups, started, sent, processedAt);
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

	private void awaitTransitions(long expected, Duration patience) throws InterruptedException {
		long deadline = System.currentTimeMillis() + patience.toMillis();
		while (System.currentTimeMillis() < deadline && this.received.size() < expected) {
			Report.progress("%,d of %,d transitions received", this.received.size(), expected);
			Thread.sleep(2000);
		}
	}

	private void report(int groups, long started, long sent, long processedAt) {
		long expected = 2L * groups;
		long once = this.received.values().stream().filter((count) -> count.get() == 1).count();
		long duplicated = this.received.values().stream().filter((count) -> count.get() > 1).count();
		long missing = expected - this.received.size();
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
		Report.figure("transitions expected (firing + resolved per group)", expected, "transitions");
		Report.figure("transitions delivered exactly once", once, "transitions");
		Report.figure("transitions delivered more than once", duplicated, "transitions");
		Report.figure("transitions never delivered", missing, "transitions");
		Report.ratio("delivered exactly once / expected", (double) once / expected);
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
