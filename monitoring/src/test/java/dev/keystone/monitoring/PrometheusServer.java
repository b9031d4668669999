package dev.keystone.monitoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;

/**
 * A real Prometheus (the {@code prometheus} binary) on a free loopback port, scraping the
 * given services every two seconds and loading Keystone's rules; its HTTP API answers the
 * queries. Closing it stops the process.
 */
final class PrometheusServer implements AutoCloseable {

	static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(2);

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private PrometheusServer(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Scrapes {@code /actuator/prometheus} of each job's port on 127.0.0.1. */
	static PrometheusServer start(Path directory, Map<String, Integer> jobs) {
		try {
			Files.createDirectories(directory);
			StringBuilder config = new StringBuilder("""
					global:
					  scrape_interval: %ds
					  evaluation_interval: %ds
					rule_files:
					  - %s
					scrape_configs:
					""".formatted(SCRAPE_INTERVAL.toSeconds(), SCRAPE_INTERVAL.toSeconds(),
					Monitoring.RULES.toAbsolutePath()));
			jobs.forEach((job, jobPort) -> config.append("""
					  - job_name: %s
					    metrics_path: /actuator/prometheus
					    static_configs:
					      - targets: ["127.0.0.1:%d"]
					""".formatted(job, jobPort)));
			Path file = Files.writeString(directory.resolve("prometheus.yml"), config);
			int port = freePort();
			Path log = directory.resolve("prometheus.log");
			Process process = new ProcessBuilder(PrometheusBinaries.prometheus().toString(), "--config.file=" + file,
					"--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
			PrometheusServer server = new PrometheusServer(process, port, log);
			server.awaitReady();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An instant query: the {@code data} of a success, or the error Prometheus gave. */
	Answer query(String promql) {
		HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
		JsonNode body = parse(response.body());
		if (!"success".equals(body.path("status").asText())) {
			return new Answer(null, body.path("errorType").asText() + ": " + body.path("error").asText());
		}
		return new Answer(body.path("data").path("result"), null);
	}

	JsonNode api(String path) {
		return parse(get(path).body()).path("data");
	}

	private void awaitReady() {
		Awaitility.await("prometheus ready")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("prometheus exited; see " + this.log);
				}
				try {
					return get("/-/ready").statusCode() == 200;
				}
				catch (UncheckedIOException ex) {
					return false;
				}
			});
	}

	private HttpResponse<String> get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	private static JsonNode parse(String body) {
		try {
			return MAPPER.readTree(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What an instant query returned: its series, or why it failed.
	 *
	 * @param series the result vector, {@code null} on an error
	 * @param error the error, {@code null} on success
	 */
	record Answer(JsonNode series, String error) {

		boolean parsed() {
			return this.error == null;
		}

		boolean hasSeries() {
			return this.series != null && !this.series.isEmpty();
		}

	}

}
