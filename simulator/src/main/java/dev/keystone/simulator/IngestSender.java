package dev.keystone.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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

	/**
	 * Sends a fleet batch; with web players on Segment, the browsers' events go apart, as
	 * Segment's browser SDK sends them.
	 */
	void send(List<Map<String, Object>> batch) throws InterruptedException, IOException {
		if (!this.settings.webViaSegment()) {
			sendNative(batch);
			return;
		}
		List<Map<String, Object>> web = batch.stream().filter((e) -> "browser".equals(e.get("deviceType"))).toList();
		if (web.size() < batch.size()) {
			sendNative(batch.stream().filter((e) -> !"browser".equals(e.get("deviceType"))).toList());
		}
		if (!web.isEmpty()) {
			sendSegment(web);
		}
	}

	private void sendNative(List<Map<String, Object>> batch) throws InterruptedException, IOException {
		HttpResponse<String> response = post(nativeRequest(gzip(json(batch))));
		if (response == null) {
			return;
		}
		int status = response.statusCode();
		if (status != 202 && status != 207 && status != 400) {
			this.failedRequests.incrementAndGet();
			return;
		}
		JsonNode json = this.mapper.readTree(response.body());
		this.accepted.addAndGet(json.path("accepted").asLong());
		this.rejected.addAndGet(json.path("rejected").asLong(status == 400 ? batch.size() : 0));
	}

	/** A Segment call is accepted whole or refused whole. */
	private void sendSegment(List<Map<String, Object>> batch) throws InterruptedException, IOException {
		byte[] body = json(SegmentMessages.batch(batch, this.settings.apiKey(), Instant.now().toString()));
		// Through the gateway as the browser SDK posts (write key in the body); straight
		// to
		// ingest, which needs no key, on the long path.
		String path = (this.settings.apiKey() != null) ? "/v1/b" : "/v1/batch";
		HttpResponse<String> response = post(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build());
		if (response == null) {
			return;
		}
		switch (response.statusCode()) {
			case 200 -> this.accepted.addAndGet(batch.size());
			case 400 -> this.rejected.addAndGet(batch.size());
			default -> this.failedRequests.incrementAndGet();
		}
	}

	/**
	 * The first answer that is not "busy, retry"; null when the pipeline stayed busy or
	 * out of reach, which is counted as a failed request.
	 */
	private HttpResponse<String> post(HttpRequest request) throws InterruptedException {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				Thread.sleep(1000L * attempt);
				continue;
			}
			int status = response.statusCode();
			if (status != 429 && status != 503) {
				return response;
			}
			long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
			Thread.sleep(1000L * Math.max(1, retryAfter));
		}
		this.failedRequests.incrementAndGet();
		return null;
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

	private HttpRequest nativeRequest(byte[] gzippedJson) {
		return HttpRequest.newBuilder(uri("/v1/events"))
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
