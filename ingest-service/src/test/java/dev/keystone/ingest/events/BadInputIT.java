package dev.keystone.ingest.events;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestIntegrationTest;
import dev.keystone.ingest.IngestClient.Reply;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and clumsy payloads: each gets the specific 4xx a client can act on, as
 * problem+json, never a 5xx and never a trace of the implementation.
 */
class BadInputIT extends IngestIntegrationTest {

	private static final String OK = "\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d1\"";

	static Stream<Arguments> corpus() {
		return Stream.of(bad("empty body", "", 400, "empty"), bad("only whitespace", "  \n ", 400, "empty"),
				bad("truncated object", "{\"type\": \"click\"", 400, "end-of-input"),
				bad("trailing garbage", "{" + OK + "} xyz", 400, "xyz"),
				bad("two documents", "{" + OK + "}{" + OK + "}", 400, "after the first JSON value"),
				bad("bare string", "\"hello\"", 400, "event object"), bad("bare number", "42", 400, "event object"),
				bad("null document", "null", 400, "event object"), bad("empty array", "[]", 400, "no event"),
				bad("array of nulls", "[null, null]", 400, "JSON object"),
				bad("single quotes", "{'type': 'click'}", 400, "line 1"),
				bad("unquoted key", "{type: \"click\"}", 400, "line 1"),
				bad("NaN number", "{" + OK + ", \"positionMs\": NaN}", 400, "NaN"),
				bad("Infinity", "{" + OK + ", \"positionMs\": Infinity}", 400, "Infinity"),
				bad("duplicate keys", "{" + OK + ", \"deviceId\": \"d2\"}", 400, "Duplicate field"),
				bad("deep nesting", "{" + OK + ", \"properties\": " + "{\"a\":".repeat(100) + "1" + "}".repeat(101),
						400, "nesting"),
				bad("huge number", "{" + OK + ", \"positionMs\": " + "9".repeat(500) + "}", 400, "Number"),
				bad("number past long", "{" + OK + ", \"positionMs\": 99999999999999999999}", 400, "positionMs"),
				bad("negative position", "{" + OK + ", \"positionMs\": -1}", 400, "positionMs"),
				bad("fractional timestamp", "{\"type\": \"click\", \"timestamp\": 1.5, \"deviceId\": \"d1\"}", 400,
						"timestamp"),
				bad("null required field", "{\"type\": null, \"timestamp\": 1, \"deviceId\": \"d1\"}", 400, "required"),
				bad("all nulls", "{\"type\": null, \"timestamp\": null, \"deviceId\": null}", 400, "deviceId"),
				bad("wrong type for id", "{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": 7}", 400,
						"must be a string"),
				bad("object as type", "{\"type\": {}, \"timestamp\": 1, \"deviceId\": \"d\"}", 400, "must be a string"),
				bad("unknown field", "{" + OK + ", \"userId\": \"u\"}", 400, "unknown field"),
				bad("ingest stamp from device", "{" + OK + ", \"receivedAt\": \"2025-01-01T00:00:00Z\"}", 400,
						"receivedAt"),
				bad("properties not an object", "{" + OK + ", \"properties\": \"x\"}", 400, "properties"),
				bad("oversized event", "{" + OK + ", \"properties\": {\"x\": \"" + "y".repeat(17_000) + "\"}}", 400,
						"bytes"),
				bad("bad country", "{" + OK + ", \"country\": \"USA\"}", 400, "country"),
				bad("bad event id", "{" + OK + ", \"eventId\": \"has space\"}", 400, "eventId"),
				bad("timestamp without offset",
						"{\"type\": \"click\", \"timestamp\": \"2025-01-01T00:00:00\", " + "\"deviceId\": \"d1\"}", 400,
						"offset"),
				bad("unknown event type", "{\"type\": \"teleport\", \"timestamp\": 1, \"deviceId\": \"d1\"}", 400,
						"must be one of"),
				bad("comment in JSON", "/* hi */ {" + OK + "}", 400, "line 1"), bad("control character in string",
						"{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"a\u0001b\"}", 400, "line 1"));
	}

	static Stream<Arguments> rawCorpus() {
		return Stream.of(
				Arguments.of("invalid UTF-8",
						new byte[] { '{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' },
						"application/json", null, 400),
				Arguments.of("overlong UTF-8", new byte[] { '[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']' },
						"application/json", null, 400),
				Arguments.of("not gzip although declared", "{}".getBytes(StandardCharsets.UTF_8), "application/json",
						"gzip", 400),
				Arguments.of("truncated gzip", truncatedGzip(), "application/json", "gzip", 400),
				Arguments.of("xml", "<event/>".getBytes(StandardCharsets.UTF_8), "application/xml", null, 415),
				Arguments.of("form", "a=b".getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", null,
						415),
				Arguments.of("no content type", "{}".getBytes(StandardCharsets.UTF_8), null, null, 415), Arguments
					.of("deflate encoding", "{}".getBytes(StandardCharsets.UTF_8), "application/json", "deflate", 415));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void answersSpecificClientErrors(String name, String body, int status, String hint) {
		Reply reply = this.client.json(body);

		assertSpecificClientError(reply, status);
		assertThat(reply.body()).contains(hint);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rawCorpus")
	void answersSpecificClientErrorsForRawBytes(String name, byte[] body, String contentType, String encoding,
			int status) {
		assertSpecificClientError(this.client.post(contentType, encoding, body), status);
	}

	private static void assertSpecificClientError(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asText()).isNotBlank();
		assertThat(reply.body()).doesNotContain("Exception", "at dev.", "at com.", "jackson");
	}

	private static Arguments bad(String name, String body, int status, String hint) {
		return Arguments.of(name, body, status, hint);
	}

	private static byte[] truncatedGzip() {
		byte[] full = IngestClient.gzip(("[" + "{\"type\": \"click\"},".repeat(200) + "{}]").getBytes());
		byte[] half = new byte[full.length / 2];
		System.arraycopy(full, 0, half, 0, half.length);
		return half;
	}

}
