package dev.keystone.routing.search;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search endpoints' parameter handling. The queries run against an Elasticsearch
 * address where nothing listens: a parameter they cannot use is answered before the store
 * is asked, and one they can use reaches the store, which here is down.
 */
@WebMvcTest(SearchController.class)
class SearchControllerTests {

	@Autowired
	MockMvc mvc;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/v1/events?size=0|size|size must be between 1 and 500",
			"/v1/events?size=501|size|size must be between 1 and 500",
			"/v1/events?page=-1|page|page must be between 0 and 10000",
			"/v1/events?page=200&size=50|page|page * size must stay within the first 10000 events; narrow the time range instead",
			"/v1/events?page=x|page|page must be a whole number",
			"/v1/events?from=today|from|from must be an ISO-8601 instant such as 2025-01-31T20:15:00Z",
			"/v1/events?from=2025-01-31T20:15:00Z&to=2025-01-31T20:00:00Z|from|from must not be after to",
			"/v1/events/histogram?interval=2m|interval|interval must be one of [10s, 15m, 1d, 1h, 1m, 5m]",
			"/v1/events/histogram?groupBy=titleId|groupBy|groupBy must be one of [country, deviceType, type]",
			"/v1/events/histogram?interval=10s&from=2025-01-01T00:00:00Z&to=2025-01-31T00:00:00Z|interval|the range holds more than 2000 buckets of 10s; widen the interval",
			"/v1/anomalies?severity=urgent|severity|severity must be one of [critical, high, low, medium]",
			"/v1/anomalies?size=1000|size|size must be between 1 and 500" })
	void namesTheParameterItCannotUse(String path, String parameter, String detail) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.detail").value(detail));
	}

	@ParameterizedTest
	@CsvSource({ "/v1/events?titleId=t1&q=drama", "/v1/events/histogram?interval=1m&groupBy=country",
			"/v1/anomalies?severity=high" })
	void answersAStoreThatIsDownWithARetryHint(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/store-unavailable"));
	}

	@Test
	void leaksNothingInternalWhenTheStoreIsDown() throws Exception {
		this.mvc.perform(get("/v1/events"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.detail").value("the store behind this answer is not reachable; retry shortly"));
	}

	@TestConfiguration
	static class UnreachableStore {

		@Bean(destroyMethod = "close")
		RestClient restClient() {
			return RestClient.builder(HttpHost.create("http://127.0.0.1:9")).build();
		}

		@Bean
		SearchQueries searchQueries(RestClient restClient) {
			ElasticsearchClient client = new ElasticsearchClient(
					new RestClientTransport(restClient, new JacksonJsonpMapper()));
			return new SearchQueries(client, Clock.fixed(Instant.parse("2025-01-31T20:15:03Z"), ZoneOffset.UTC));
		}

	}

}
