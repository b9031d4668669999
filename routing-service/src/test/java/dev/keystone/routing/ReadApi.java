package dev.keystone.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.testkit.ServiceEndpoints;

/**
 * GETs on the running service, answered as status and JSON.
 */
public final class ReadApi {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final int port;

	public ReadApi(int port) {
		this.port = port;
	}

	public Answer get(String path) {
		HttpResponse<String> response = ServiceEndpoints.get(this.port, path);
		try {
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					MAPPER.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("not JSON: " + response.body(), ex);
		}
	}

	/**
	 * Status, content type and body of one answer.
	 */
	public record Answer(int status, String contentType, JsonNode json) {

	}

}
