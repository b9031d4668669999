package dev.keystone.routing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.routing.ReadApi.Answer;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every read endpoint over records the sinks stored from the topics, and every parameter
 * error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiIT extends RoutingIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String ALPHA = "alpha-" + RUN;

	private static final String BETA = "beta-" + RUN;

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	/**
	 * The minute before this one: the newest closed window, as the other tests write
	 * older ones.
	 */
	private static final Instant TOP_WINDOW = NOW.truncatedTo(ChronoUnit.MINUTES).minusSeconds(60);

	/**
	 * A window whose end lies ahead has not closed, however its count got into the store.
	 */
	private static final Instant OPEN_WINDOW = NOW.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofHours(1));

	private static final Instant SERIES_START = NOW.truncatedTo(ChronoUnit.MINUTES).minusSeconds(120);

	private ReadApi api;

	@BeforeAll
	void storeRecords() {
		this.api = new ReadApi(this.port);
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int i = 0; i < 6; i++) {
				String type = (i == 0) ? "play_start" : "heartbeat";
				writer.send(Topics.EVENTS_ENRICHED, "dev", PipelineRecords.enriched(ALPHA + "-e" + i, ALPHA,
						"Alpha " + RUN, type, NOW.minusSeconds(60 - i), "DE"));
			}
			for (int i = 0; i < 2; i++) {
				writer.send(Topics.EVENTS_ENRICHED, "dev", PipelineRecords.enriched(BETA + "-e" + i, BETA, null,
						"play_start", NOW.minusSeconds(30 + i), "BR"));
			}
			writer.send(Topics.EVENTS_ENRICHED, "dev", PipelineRecords.lateEnriched(BETA + "-e2", BETA, null,
					"play_start", NOW.minus(Duration.ofHours(1)), "BR"));
			for (int i = 0; i < 3; i++) {
				Instant start = SERIES_START.plusSeconds(10L * i);
				writer.send(Topics.VIEWERS_COUNTS, ALPHA,
						PipelineRecords.viewerCount(ALPHA, "10s", start, start.plusSeconds(10), 10 + i));
			}
			writer.send(Topics.VIEWERS_COUNTS, ALPHA,
					PipelineRecords.viewerCount(ALPHA, "1m", TOP_WINDOW, TOP_WINDOW.plusSeconds(60), 42));
			writer.send(Topics.VIEWERS_COUNTS, BETA,
					PipelineRecords.viewerCount(BETA, "1m", TOP_WINDOW, TOP_WINDOW.plusSeconds(60), 7));
			writer.send(Topics.VIEWERS_COUNTS, "_all",
					PipelineRecords.viewerCount("_all", "1m", TOP_WINDOW, TOP_WINDOW.plusSeconds(60), 49));
			writer.send(Topics.VIEWERS_COUNTS, BETA,
					PipelineRecords.viewerCount(BETA, "1m", OPEN_WINDOW, OPEN_WINDOW.plusSeconds(60), 1000));
			writer.send(Topics.ANOMALIES, "error_rate:title:" + ALPHA,
					PipelineRecords.anomaly("an-1-" + RUN, "title:" + ALPHA, NOW.minusSeconds(600), "high"));
			writer.send(Topics.ANOMALIES, "error_rate:title:" + ALPHA,
					PipelineRecords.anomaly("an-2-" + RUN, "title:" + ALPHA, NOW.minusSeconds(300), "low"));
		}
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			Answer events = this.api.get("/v1/events?titleId=" + ALPHA + "," + BETA);
			Answer alpha = this.api.get("/v1/events?titleId=" + ALPHA);
			Answer beta = this.api.get("/v1/events?titleId=" + BETA);
			Answer top = this.api.get("/v1/viewers/top?window=1m");
			Answer anomalies = this.api.get("/v1/anomalies?from=" + NOW.minusSeconds(3600));
			return events.status() == 200 && total(alpha) == 6 && total(beta) == 3 && top.status() == 200
					&& top.json().path("start").asText().equals(TOP_WINDOW.toString())
					&& top.json().path("titles").size() == 2 && anomalies.json().toString().contains("an-2-" + RUN);
		});
	}

	/**
	 * Other tests' services share the Elasticsearch server and apply their own interval
	 * when they start, so the setup runs again here first.
	 */
	@Test
	void eventIndicesRefreshAtTheConfiguredInterval(@Autowired @Qualifier("indexSetup") InitializingBean indexSetup)
			throws Exception {
		indexSetup.afterPropertiesSet();
		HttpClient http = HttpClient.newHttpClient();
		String elasticsearch = KeystoneStack.shared().elasticsearchUri();
		JsonNode template = JSON
			.readTree(http
				.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_index_template/keystone-events")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body());
		JsonNode indices = JSON.readTree(http.send(HttpRequest
			.newBuilder(URI.create(elasticsearch + "/keystone-events-*/_settings/index.refresh_interval"))
			.build(), HttpResponse.BodyHandlers.ofString()).body());

		assertThat(template.findValue("refresh_interval").asText()).isEqualTo("300ms");
		assertThat(indices.findValues("refresh_interval")).isNotEmpty()
			.allSatisfy((interval) -> assertThat(interval.asText()).isEqualTo("300ms"));
	}

	@Test
	void answersAViewerSeriesOldestFirstWithItsFreshness() {
		Answer series = this.api.get("/v1/titles/" + ALPHA + "/viewers?window=10s&from=" + SERIES_START + "&to="
				+ SERIES_START.plusSeconds(30));

		assertThat(series.status()).isEqualTo(200);
		assertThat(series.json().get("titleId").asText()).isEqualTo(ALPHA);
		assertThat(series.json().get("window").asText()).isEqualTo("10s");
		assertThat(series.json().get("points").findValuesAsText("viewers")).containsExactly("10", "11", "12");
		assertThat(series.json().get("points").get(0).get("start").asText()).isEqualTo(SERIES_START.toString());
		assertThat(series.json().get("points").get(0).get("end").asText())
			.isEqualTo(SERIES_START.plusSeconds(10).toString());
		assertThat(series.json().get("asOf").isNull()).isFalse();
	}

	@Test
	void answersTheCurrentWindowOrNotFound() {
		Answer current = this.api.get("/v1/titles/" + ALPHA + "/viewers/current?window=10s");
		Answer none = this.api.get("/v1/titles/nobody-" + RUN + "/viewers/current?window=10s");

		assertThat(current.status()).isEqualTo(200);
		assertThat(current.json().get("viewers").asLong()).isEqualTo(12);
		assertThat(current.json().get("start").asText()).isEqualTo(SERIES_START.plusSeconds(20).toString());
		assertThat(current.json().has("asOf")).isTrue();
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.contentType()).startsWith("application/problem+json");
	}

	@Test
	void ranksTopTitlesOfTheLatestWindowWithNamesAndWithoutTheTotal() {
		Answer top = this.api.get("/v1/viewers/top?window=1m&limit=10");

		assertThat(top.status()).isEqualTo(200);
		assertThat(top.json().get("start").asText()).isEqualTo(TOP_WINDOW.toString());
		assertThat(top.json().get("asOf").asText()).isEqualTo(TOP_WINDOW.plusSeconds(60).toString());
		JsonNode titles = top.json().get("titles");
		assertThat(titles.findValuesAsText("titleId")).containsExactly(ALPHA, BETA);
		assertThat(titles.get(0).get("name").asText()).isEqualTo("Alpha " + RUN);
		assertThat(titles.get(0).get("viewers").asLong()).isEqualTo(42);
		assertThat(titles.get(1).get("name").isNull()).isTrue();
		assertThat(this.api.get("/v1/viewers/top?window=1m&limit=1").json().get("titles")).hasSize(1);
	}

	@Test
	void searchesEventsNewestFirstWithFiltersFreeTextAndPaging() {
		Answer all = this.api.get("/v1/events?titleId=" + ALPHA + "&size=4");
		Answer secondPage = this.api.get("/v1/events?titleId=" + ALPHA + "&size=4&page=1");
		Answer starts = this.api.get("/v1/events?titleId=" + ALPHA + "&type=play_start");
		Answer byProperty = this.api.get("/v1/events?q=edge-" + ALPHA + "-e3");
		Answer byName = this.api.get("/v1/events?q=Alpha%20" + RUN);
		Answer inRange = this.api
			.get("/v1/events?titleId=" + ALPHA + "&from=" + NOW.minusSeconds(58) + "&to=" + NOW.minusSeconds(56));

		assertThat(all.json().get("total").asLong()).isEqualTo(6);
		assertThat(all.json().get("events").findValuesAsText("eventId")).containsExactly(ALPHA + "-e5", ALPHA + "-e4",
				ALPHA + "-e3", ALPHA + "-e2");
		assertThat(secondPage.json().get("events").findValuesAsText("eventId")).containsExactly(ALPHA + "-e1",
				ALPHA + "-e0");
		assertThat(all.json().get("events").get(0).has("searchText")).isFalse();
		assertThat(all.json().get("events").get(0).get("title").get("name").asText()).isEqualTo("Alpha " + RUN);
		assertThat(starts.json().get("total").asLong()).isEqualTo(1);
		assertThat(byProperty.json().get("events").findValuesAsText("eventId")).containsExactly(ALPHA + "-e3");
		assertThat(byName.json().get("total").asLong()).isEqualTo(6);
		assertThat(inRange.json().get("events").findValuesAsText("eventId")).containsExactly(ALPHA + "-e3",
				ALPHA + "-e2");
	}

	@Test
	void storesTheLateFlagAndFiltersByIt() {
		Answer late = this.api.get("/v1/events?titleId=" + BETA + "&late=true");
		Answer onTime = this.api.get("/v1/events?titleId=" + BETA + "&late=false");

		assertThat(late.json().get("events").findValuesAsText("eventId")).containsExactly(BETA + "-e2");
		assertThat(late.json().get("events").get(0).get("late").asBoolean()).isTrue();
		assertThat(onTime.json().get("events").findValuesAsText("eventId")).containsExactly(BETA + "-e0", BETA + "-e1");
		assertThat(onTime.json().get("events")).allSatisfy((event) -> assertThat(event.has("late")).isFalse());
	}

	@Test
	void countsEventsPerIntervalAndGroup() {
		Answer histogram = this.api.get("/v1/events/histogram?interval=1m&groupBy=country&from="
				+ NOW.truncatedTo(ChronoUnit.MINUTES).minusSeconds(180) + "&to=" + NOW.plusSeconds(60));

		assertThat(histogram.status()).isEqualTo(200);
		long germany = 0;
		long brazil = 0;
		for (JsonNode bucket : histogram.json().get("buckets")) {
			germany += bucket.get("counts").path("DE").asLong();
			brazil += bucket.get("counts").path("BR").asLong();
		}
		assertThat(germany).isGreaterThanOrEqualTo(6);
		assertThat(brazil).isGreaterThanOrEqualTo(2);
		assertThat(histogram.json().get("buckets").size()).isBetween(4, 6);
	}

	@Test
	void listsAnomaliesNewestFirstAndBySeverity() {
		Answer all = this.api.get("/v1/anomalies?from=" + NOW.minusSeconds(3600) + "&to=" + NOW);
		Answer high = this.api.get("/v1/anomalies?severity=high&from=" + NOW.minusSeconds(3600));

		List<String> ids = all.json().get("anomalies").findValuesAsText("anomalyId");
		assertThat(ids.indexOf("an-2-" + RUN)).isLessThan(ids.indexOf("an-1-" + RUN)).isNotNegative();
		assertThat(high.json().get("anomalies").findValuesAsText("anomalyId")).contains("an-1-" + RUN)
			.doesNotContain("an-2-" + RUN);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|',
			value = { "/v1/titles/t/viewers?window=5m|window", "/v1/titles/t/viewers/current?window=1h|window",
					"/v1/viewers/top?window=1d|window", "/v1/viewers/top?limit=0|limit",
					"/v1/titles/t/viewers?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z|from",
					"/v1/titles/t/viewers?from=yesterday|from", "/v1/events?size=501|size", "/v1/events?size=abc|size",
					"/v1/events?late=maybe|late", "/v1/events?page=-1|page", "/v1/events?to=2025-13-01|to",
					"/v1/events?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z|from",
					"/v1/events/histogram?interval=7m|interval", "/v1/events/histogram?groupBy=profileId|groupBy",
					"/v1/anomalies?severity=urgent|severity" })
	void namesTheBadParameter(String path, String parameter) {
		Answer answer = this.api.get(path);

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().get("parameter").asText()).isEqualTo(parameter);
		assertThat(answer.json().get("detail").asText()).contains(parameter);
	}

	private static long total(Answer answer) {
		return answer.json().path("total").asLong(-1);
	}

}
