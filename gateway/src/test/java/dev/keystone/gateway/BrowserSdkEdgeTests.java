package dev.keystone.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests as Segment's browser SDK sends them from a web page: {@code text/plain} bodies
 * to short paths with the write key inside, cross-origin, with plain HTTP stand-ins for
 * the services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class BrowserSdkEdgeTests {

	static final String KEY = "key-browser-ingest";

	static final String PAGE = "https://shop.example.com";

	static final FakeServices services = FakeServices.start();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		services.serveBehind(registry);
		registry.add("RECOMMENDATION_URL", () -> services.url("recommendation"));
		registry.add("keystone.gateway.keys[0].name", () -> "web");
		registry.add("keystone.gateway.keys[0].sha256", () -> GatewayEdgeTests.sha256(KEY));
		registry.add("keystone.gateway.keys[0].scopes", () -> "ingest");
		registry.add("keystone.gateway.browser-sdk.allowed-origins", () -> "https://*.example.com");
	}

	@AfterAll
	static void stopServices() {
		services.close();
	}

	@ParameterizedTest
	@CsvSource({ "t, /v1/track", "p, /v1/page", "s, /v1/screen", "i, /v1/identify", "g, /v1/group", "a, /v1/alias",
			"b, /v1/batch" })
	void sendsEachShortPathToItsCallWithTheBodysWriteKeyAsTheCredentials(String shortPath, String call)
			throws Exception {
		String body = "{\"type\":\"track\",\"event\":\"Video Playback Started\",\"anonymousId\":\"a1\","
				+ "\"context\":{\"library\":{\"name\":\"analytics.js\"}},\"writeKey\":\"" + KEY
				+ "\",\"sentAt\":\"2025-01-31T20:15:10.000Z\"}";
		HttpResponse<String> response = fromPage("/v1/" + shortPath, body);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
		assertThat(response.body()).contains("\"service\":\"ingest\"").contains("\"path\":\"" + call + "\"");
		assertThat(services.lastBodies.get("ingest")).isEqualTo(body);
		assertThat(services.lastHeaders.get("ingest").getFirst("Keystone-Caller")).isEqualTo("web");
		assertThat(services.lastHeaders.get("ingest").containsKey("Authorization")).isFalse();
	}

	@Test
	void refusesAWrongOrMissingWriteKeyInAnAnswerThePageCanRead() throws Exception {
		HttpResponse<String> wrong = fromPage("/v1/t", "{\"type\":\"track\",\"writeKey\":\"guess\"}");
		assertThat(wrong.statusCode()).isEqualTo(401);
		assertThat(wrong.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
		assertThat(wrong.body()).contains("Unknown API key");

		HttpResponse<String> missing = fromPage("/v1/t", "not json");
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(missing.body()).contains("API key required");
	}

	@Test
	void answersAPreflightWithoutAKeyForAllowedPagesOnly() throws Exception {
		HttpResponse<String> allowed = preflight("https://www.example.com");
		assertThat(allowed.statusCode()).isEqualTo(200);
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://www.example.com");
		assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");

		assertThat(preflight("https://evil.example.org").statusCode()).isEqualTo(403);
	}

	@Test
	void refusesABodyOverTheIngestLimitBeforeReadingItAll() {
		byte[] large = new byte[2 * 1024 * 1024];
		java.util.Arrays.fill(large, (byte) ' ');
		this.client.post()
			.uri("/v1/b")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue(large)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void leavesOtherPathsAndTheirBodiesAlone() {
		this.client.post()
			.uri("/v1/track")
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder()
						.encodeToString((KEY + ":").getBytes(StandardCharsets.UTF_8)))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"writeKey\":\"ignored\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/v1/track");
	}

	/**
	 * A browser's request, with its {@code Origin}; sent over a plain HTTP client, which
	 * passes the header on as a browser does.
	 */
	private HttpResponse<String> fromPage(String path, String body) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Origin", PAGE)
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> preflight(String origin) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/v1/b"))
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
