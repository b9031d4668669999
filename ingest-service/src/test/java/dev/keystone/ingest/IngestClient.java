package dev.keystone.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Talks to a running ingest service the way a device SDK would, over plain HTTP.
 */
public final class IngestClient {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	public IngestClient(int port) {
		this.port = port;
	}

	public Reply post(String contentType, String body) {
		return post(contentType, null, body.getBytes(StandardCharsets.UTF_8));
	}

	public Reply post(String contentType, String contentEncoding, byte[] body) {
		return post("/v1/events", contentType, contentEncoding, body);
	}

	public Reply post(String path, String contentType, String contentEncoding, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (contentEncoding != null) {
			request.header("Content-Encoding", contentEncoding);
		}
		return send(request.build());
	}

	public Reply json(String body) {
		return post("application/json", body);
	}

	public Reply request(String method, String path, String jsonBody) {
		HttpRequest.BodyPublisher publisher = (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
				: HttpRequest.BodyPublishers.noBody();
		return send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method, publisher)
			.build());
	}

	public static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Status, content type, Retry-After and body of one answer.
	 */
	public record Reply(int status, String contentType, String retryAfter, String body) {

		public JsonNode json() {
			try {
				return MAPPER.readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("not JSON: " + this.body, ex);
			}
		}

	}

}
