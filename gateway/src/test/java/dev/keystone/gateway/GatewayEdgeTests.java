package dev.keystone.gateway;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own behaviour at the edge, with plain HTTP stand-ins behind it: keys,
 * scopes, rate limits, routing, request ids, edge limits and a dead service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A loaded build machine can take longer than the default 5 s to answer; no test here
// waits on purpose.
@AutoConfigureWebTestClient(timeout = "PT30S")
class GatewayEdgeTests {

	static final String ALL = "key-all-scopes";

	static final String READER = "key-read-only";

	static final String SLOW = "key-two-per-second";

	static final String FRUGAL = "key-ten-events";

	static final FakeServices services = FakeServices.start();

	@Autowired
	WebTestClient client;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void configuration(DynamicPropertyRegistry registry) {
		services.serveBehind(registry);
		registry.add("RECOMMENDATION_URL", GatewayEdgeTests::deadUrl);
		registry.add("keystone.gateway.services.ingest-timeout", () -> "3s");
		key(registry, 0, "all", ALL, "ingest,read,admin", null, null);
		key(registry, 1, "reader", READER, "read", null, null);
		key(registry, 2, "slow", SLOW, "read", "2", null);
		key(registry, 3, "frugal", FRUGAL, "ingest", null, "10");
	}

	@AfterAll
	static void stopServices() {
		services.close();
	}

	@Test
	void refusesRequestsWithoutAKnownKey() {
		this.client.get()
			.uri("/v1/titles/t1/viewers")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("API key required");
		this.client.get()
			.uri("/v1/titles/t1/viewers")
			.header("X-API-Key", "guess")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unknown API key");
		this.client.get().uri("/no/such/path").exchange().expectStatus().isUnauthorized();
	}

	@Test
	void takesTheWriteKeyOfAnalyticsSdksAsTheBasicUserNameForSegmentPaths() {
		for (String path : new String[] { "/v1/batch", "/v1/track", "/v1/page", "/v1/screen", "/v1/identify" }) {
			expectService(this.client.post()
				.uri(path)
				.header("Authorization", basic(ALL + ":"))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{}")
				.exchange(), "ingest");
		}
		assertThat(services.lastHeaders.get("ingest").containsKey("Authorization")).isFalse();
		assertThat(services.lastHeaders.get("ingest").getFirst("Keystone-Caller")).isEqualTo("all");
	}

	@Test
	void refusesAnUnknownOrMissingWriteKeyWithABasicChallenge() {
		this.client.post()
			.uri("/v1/batch")
			.header("Authorization", basic("wrong-key:"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"keystone\"")
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unknown API key");
		this.client.post()
			.uri("/v1/track")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("send your key as the write key (HTTP Basic user name)");
		this.client.post()
			.uri("/v1/batch")
			.header("Authorization", "Basic not-base64!")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void needsTheIngestScopeForSegmentCalls() {
		this.client.post()
			.uri("/v1/batch")
			.header("Authorization", basic(READER + ":"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("this key lacks the ingest scope");
	}

	@Test
	void leavesActuatorOpenWithoutShowingHealthDetails() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void servesTheApiDocumentationOfEachServiceWithoutAKey() {
		this.client.get()
			.uri("/v3/api-docs/ingest")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("ingest")
			.jsonPath("$.path")
			.isEqualTo("/v3/api-docs");
		this.client.get()
			.uri("/v3/api-docs/routing")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("routing");
		this.client.get().uri("/docs").exchange().expectStatus().is3xxRedirection();
	}

	@Test
	void refusesAKeyWithoutTheScope() {
		expectForbidden("/v1/events", "ingest");
		expectForbidden("/v1/replays", "admin");
		this.client.put()
			.uri("/v1/catalog/titles/t1")
			.header("Authorization", "Bearer " + READER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	private void expectForbidden(String path, String scope) {
		this.client.post()
			.uri(path)
			.header("X-API-Key", READER)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("this key lacks the " + scope + " scope");
	}

	@Test
	void routesEachPathToItsServiceWithoutTheKey() {
		expectService(this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", ALL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), "ingest");
		expectService(this.client.put()
			.uri("/v1/catalog/titles/t1")
			.header("X-API-Key", ALL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), "ingest");
		for (String path : new String[] { "/v1/events?titleId=t1", "/v1/events/histogram", "/v1/titles/t1/viewers",
				"/v1/viewers/top", "/v1/anomalies", "/v1/replays", "/v1/replays/r-1" }) {
			expectService(this.client.get().uri(path).header("Authorization", "Bearer " + ALL).exchange(), "routing");
		}
		expectService(this.client.post()
			.uri("/v1/replays")
			.header("X-API-Key", ALL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), "routing");
		for (String path : new String[] { "/v1/alerts?state=firing", "/v1/alerts/a-1", "/v1/silences?active=true",
				"/v1/alert-rules" }) {
			expectService(this.client.get().uri(path).header("X-API-Key", ALL).exchange(), "alert");
		}
		expectService(this.client.post()
			.uri("/v1/silences")
			.header("X-API-Key", ALL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange(), "alert");
		// recommendation-service is the dead one here: its fallback names it.
		for (String path : new String[] { "/v1/trending", "/v1/recommendations/p-1", "/v1/titles/t1/similar",
				"/v1/profiles/p-1/continue-watching" }) {
			this.client.get()
				.uri(path)
				.header("X-API-Key", ALL)
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("recommendation"));
		}
		assertThat(services.lastHeaders.get("routing").containsKey("X-API-Key")).isFalse();
		assertThat(services.lastHeaders.get("routing").containsKey("Authorization")).isFalse();
		assertThat(services.lastHeaders.get("alert").getFirst("Keystone-Caller")).isEqualTo("all");
	}

	@Test
	void acceptsOrGeneratesARequestIdAndPassesItOn() {
		this.client.get()
			.uri("/v1/anomalies")
			.header("X-API-Key", ALL)
			.header("X-Request-Id", "req-42")
			.exchange()
			.expectHeader()
			.valueEquals("X-Request-Id", "req-42");
		assertThat(services.lastHeaders.get("routing").getFirst("X-Request-Id")).isEqualTo("req-42");

		String generated = this.client.get()
			.uri("/v1/anomalies")
			.header("X-API-Key", ALL)
			.exchange()
			.returnResult(String.class)
			.getResponseHeaders()
			.getFirst("X-Request-Id");
		assertThat(generated).hasSize(36);
		assertThat(services.lastHeaders.get("routing").getFirst("X-Request-Id")).isEqualTo(generated);
	}

	@Test
	void limitsRequestsPerKeyWithRetryAfterAndRateLimitHeaders() {
		this.client.get().uri("/v1/anomalies").header("X-API-Key", ALL).exchange().expectStatus().isOk();
		List<EntityExchangeResult<String>> results = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			results.add(this.client.get()
				.uri("/v1/anomalies")
				.header("X-API-Key", SLOW)
				.exchange()
				.expectBody(String.class)
				.returnResult());
		}

		assertThat(results)
			.allSatisfy((result) -> assertThat(result.getResponseHeaders().getFirst("RateLimit-Limit")).isEqualTo("2"));
		assertThat(results).filteredOn((result) -> result.getStatus().value() == 200).isNotEmpty();
		EntityExchangeResult<String> limited = results.stream()
			.filter((result) -> result.getStatus() == HttpStatus.TOO_MANY_REQUESTS)
			.findFirst()
			.orElseThrow();
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(limited.getResponseHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.get().uri("/v1/anomalies").header("X-API-Key", ALL).exchange().expectStatus().isOk();
	}

	@Test
	void limitsEventsPerKeyByWhatIngestCounted() {
		services.eventCount = 50;
		try {
			this.client.post()
				.uri("/v1/events")
				.header("X-API-Key", FRUGAL)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("[]")
				.exchange()
				.expectStatus()
				.isOk();
			this.client.post()
				.uri("/v1/events")
				.header("X-API-Key", FRUGAL)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("[]")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
				.expectHeader()
				.valueMatches("Retry-After", "[1-9][0-9]*")
				.expectBody()
				.jsonPath("$.detail")
				.value((detail) -> assertThat(detail.toString()).contains("events"));
		}
		finally {
			services.eventCount = 1;
		}
	}

	@Test
	void passesManyConcurrentIngestRequestsWithoutTrippingTheBreaker() {
		WebClient web = WebClient.create("http://127.0.0.1:" + this.port);

		List<Integer> statuses = Flux.range(0, 60)
			.flatMap(
					(i) -> web.post()
						.uri("/v1/events")
						.header("X-API-Key", ALL)
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue("[]")
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					60)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).hasSize(60).containsOnly(200);
	}

	@Test
	void refusesDeclaredBodiesOverTheIngestLimitAtTheEdge() {
		this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", ALL)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(1024 * 1024 + 1))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	@Test
	void answersADeadServiceWithAFastServiceUnavailable() {
		long started = System.nanoTime();
		this.client.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.get()
			.uri("/v1/trending")
			.header("X-API-Key", ALL)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("recommendation"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void answersAServiceThatHangsWithServiceUnavailableAfterItsTimeout() {
		long started = System.nanoTime();
		this.client.post()
			.uri("/v1/events")
			.header("X-API-Key", ALL)
			.header(FakeServices.STALL_HEADER, "20000")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("ingest"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(3),
				Duration.ofSeconds(15));
	}

	private static String basic(String credentials) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	private static void expectService(WebTestClient.ResponseSpec response, String service) {
		response.expectStatus().isOk().expectBody().jsonPath("$.service").isEqualTo(service);
	}

	private static void key(DynamicPropertyRegistry registry, int index, String name, String key, String scopes,
			String requestsPerSecond, String eventsPerSecond) {
		String prefix = "keystone.gateway.keys[" + index + "].";
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "sha256", () -> sha256(key));
		registry.add(prefix + "scopes", () -> scopes);
		if (requestsPerSecond != null) {
			registry.add(prefix + "requests-per-second", () -> requestsPerSecond);
		}
		if (eventsPerSecond != null) {
			registry.add(prefix + "events-per-second", () -> eventsPerSecond);
		}
	}

	static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256")
					.digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String deadUrl() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
