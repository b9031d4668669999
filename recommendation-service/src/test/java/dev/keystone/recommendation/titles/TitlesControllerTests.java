package dev.keystone.recommendation.titles;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import dev.keystone.recommendation.state.StoreUnavailableException;
import dev.keystone.recommendation.system.RequestCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The trending and similar-titles endpoints' parameter handling and their problem
 * answers.
 */
@WebMvcTest(TitlesController.class)
class TitlesControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Titles titles;

	@MockitoBean
	CatalogTitles catalog;

	@MockitoBean
	RequestCounter requests;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/v1/trending?limit=0|limit|limit must be between 1 and 100",
			"/v1/trending?limit=101|limit|limit must be between 1 and 100",
			"/v1/trending?limit=many|limit|limit must be a whole number",
			"/v1/trending?genre=drama&country=DE|country|give genre or country, not both",
			"/v1/trending?country=DEU|country|country must be an ISO 3166-1 alpha-2 code, such as DE",
			"/v1/trending?genre=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx|genre|'genre must be 1 to 64 characters, without ''|'''",
			"/v1/titles/t1/similar?limit=0|limit|limit must be between 1 and 100" })
	void namesTheParameterItCannotUse(String path, String parameter, String detail) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/bad-parameter"))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.detail").value(detail));
	}

	@Test
	void answersNotFoundForATitleNobodyKnows() throws Exception {
		given(this.titles.similar("nobody", 10)).willReturn(List.of());
		given(this.catalog.title("nobody")).willReturn(Optional.empty());

		this.mvc.perform(get("/v1/titles/nobody/similar"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("no title nobody in the catalog or in what profiles watched"));
	}

	@Test
	void answersStateBeingMovedWithARetryHint() throws Exception {
		given(this.titles.trending(anyString(), anyInt()))
			.willThrow(new StoreUnavailableException("trending store is migrating"));

		this.mvc.perform(get("/v1/trending"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/state-unavailable"))
			.andExpect(jsonPath("$.detail")
				.value("the state behind this answer is being restored or moved; retry shortly"));
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2025-01-31T20:15:00Z"), ZoneOffset.UTC);
		}

	}

}
