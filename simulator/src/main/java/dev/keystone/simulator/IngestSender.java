package dev.keystone.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts device batches the way a device SDK does: gzip-compressed JSON arrays, and on 429
 * or 503 the same batch again after the advised delay, so nothing a device produced is
 * dropped by a busy pipeline.
 */
final class IngestSender {

	private static final int MAX_ATTEMPTS = 5;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ObjectMapper mapper = new ObjectMapper();

	private final SimulatorSettings settings;

	final AtomicLong accepted = new AtomicLong();

	final AtomicLong rejected = new AtomicLong();

	final AtomicLong failedRequests = new AtomicLong();

	IngestSender(SimulatorSettings settings) {
		this.settings = settings;
	}

	void send(List<Map<String, Object>> batch) throws InterruptedException, IOException {
		byte[] body = gzip(json(batch));
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			HttpResponse<String> response;
			try {
				response = this.http.send(request("/v1/events", body), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				Thread.sleep(1000L * attempt);
				continue;
			}
			int status = response.statusCode();
			if (status == 202 || status == 207 || status == 400) {
				JsonNode json = this.mapper.readTree(response.body());
				this.accepted.addAndGet(json.path("accepted").asLong());
				this.rejected.addAndGet(json.path("rejected").asLong(status == 400 ? batch.size() : 0));
				return;
			}
			if (status != 429 && status != 503) {
				break;
			}
			long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
			Thread.sleep(1000L * Math.max(1, retryAfter));
		}
		this.failedRequests.incrementAndGet();
	}

	/** Registers a title, retrying while ingest is still starting. */
	void register(DemoCatalog.DemoTitle title) throws InterruptedException {
		Map<String, Object> body = Map.of("name", title.name(), "genres", title.genres(), "durationMs",
				title.durationMs(), "releaseYear", title.releaseYear());
		byte[] json = json(body);
		for (int attempt = 1; attempt <= 30; attempt++) {
			try {
				HttpRequest request = HttpRequest.newBuilder(uri("/v1/catalog/titles/" + title.titleId()))
					.timeout(Duration.ofSeconds(10))
					.header("Content-Type", "application/json")
					.headers(keyHeader())
					.PUT(HttpRequest.BodyPublishers.ofByteArray(json))
					.build();
				int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
				if (status == 200 || status == 201) {
					return;
				}
			}
			catch (IOException ex) {
				// ingest not up yet; the loop retries
			}
			Thread.sleep(2000);
		}
		throw new IllegalStateException(
				"could not register title " + title.titleId() + " at " + this.settings.ingestUrl());
	}

	private HttpRequest request(String path, byte[] gzippedJson) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Content-Encoding", "gzip")
			.headers(keyHeader())
			.POST(HttpRequest.BodyPublishers.ofByteArray(gzippedJson))
			.build();
	}

	private String[] keyHeader() {
		return (this.settings.apiKey() != null) ? new String[] { "X-API-Key", this.settings.apiKey() }
				: new String[] { "User-Agent", "keystone-simulator" };
	}

	private URI uri(String path) {
		return URI.create(this.settings.ingestUrl() + path);
	}

	private byte[] json(Object value) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (IOException ex) {
			throw new IllegalStateException("simulated events always serialise", ex);
		}
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

}
