package dev.keystone.routing.viewers;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.keystone.events.Window;
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

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The viewer endpoints' parameter handling, and their answers' JSON exactly as the
 * contract and earlier releases write it (keys in this order, nulls written).
 */
@WebMvcTest(ViewersController.class)
class ViewersControllerTests {

	static final Instant NOW = Instant.parse("2025-01-31T20:15:03Z");

	static final Instant T0 = Instant.parse("2025-01-31T20:14:50Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ViewerQueries queries;

	@ParameterizedTest
	@CsvSource({ "/v1/titles/t1/viewers?window=5m", "/v1/titles/t1/viewers/current?window=1h",
			"/v1/viewers/top?window=10S" })
	void rejectsAWindowLabelThatNamesNoWindow(String path) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/bad-parameter"))
			.andExpect(jsonPath("$.title").value("Bad parameter"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.parameter").value("window"))
			.andExpect(jsonPath("$.detail").value("window must be one of [10s, 1m]"));
	}

	@ParameterizedTest
	@CsvSource({ "/v1/viewers/top?limit=0, limit, limit must be between 1 and 100",
			"/v1/viewers/top?limit=101, limit, limit must be between 1 and 100",
			"/v1/viewers/top?limit=ten, limit, limit must be a whole number",
			"/v1/titles/t1/viewers?from=yesterday, from, from must be an ISO-8601 instant such as 2025-01-31T20:15:00Z",
			"/v1/titles/t1/viewers?from=2025-01-31T20:15:00Z&to=2025-01-31T20:00:00Z, from, from must not be after to" })
	void namesTheParameterItCannotUse(String path, String parameter, String detail) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.parameter").value(parameter))
			.andExpect(jsonPath("$.detail").value(detail));
	}

	@Test
	void answersASeriesOfTheLastFifteenMinutesOfTenSecondWindowsByDefault() throws Exception {
		given(this.queries.series(eq("t1"), eq(Window.TEN_SECONDS), eq(new Instant[] { NOW.minusSeconds(900), NOW })))
			.willReturn(new ViewerSeries("t1", "10s", List.of(new ViewerSeries.Point(T0, T0.plusSeconds(10), 12)),
					T0.plusSeconds(10)));

		this.mvc.perform(get("/v1/titles/t1/viewers"))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"titleId\":\"t1\",\"window\":\"10s\",\"points\":[{\"start\":"
					+ "\"2025-01-31T20:14:50Z\",\"end\":\"2025-01-31T20:15:00Z\",\"viewers\":12}],"
					+ "\"asOf\":\"2025-01-31T20:15:00Z\"}"));
	}

	@Test
	void writesAnUnknownFreshnessAsNull() throws Exception {
		given(this.queries.series(eq("t1"), eq(Window.ONE_MINUTE), any()))
			.willReturn(new ViewerSeries("t1", "1m", List.of(), null));

		this.mvc.perform(get("/v1/titles/t1/viewers?window=1m"))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"titleId\":\"t1\",\"window\":\"1m\",\"points\":[],\"asOf\":null}"));
	}

	@Test
	void answersTheCurrentWindowWithTheSameJsonAsBefore() throws Exception {
		given(this.queries.current("t1", Window.TEN_SECONDS))
			.willReturn(new CurrentViewers("t1", "10s", T0, T0.plusSeconds(10), 7, T0.plusSeconds(10)));

		this.mvc.perform(get("/v1/titles/t1/viewers/current"))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"titleId\":\"t1\",\"window\":\"10s\",\"start\":\"2025-01-31T20:14:50Z\","
					+ "\"end\":\"2025-01-31T20:15:00Z\",\"viewers\":7,\"asOf\":\"2025-01-31T20:15:00Z\"}"));
	}

	@Test
	void answersTheTopTitlesOfAMinuteByDefaultWithTheSameJsonAsBefore() throws Exception {
		Instant minute = Instant.parse("2025-01-31T20:14:00Z");
		given(this.queries.top(Window.ONE_MINUTE, 10)).willReturn(new TopTitles("1m", minute, minute.plusSeconds(60),
				List.of(new TopTitles.Title("t1", "Arrival", 42), new TopTitles.Title("t2", null, 7)),
				minute.plusSeconds(60)));

		this.mvc.perform(get("/v1/viewers/top"))
			.andExpect(status().isOk())
			.andExpect(content().string("{\"window\":\"1m\",\"start\":\"2025-01-31T20:14:00Z\","
					+ "\"end\":\"2025-01-31T20:15:00Z\",\"titles\":[{\"titleId\":\"t1\",\"name\":\"Arrival\","
					+ "\"viewers\":42},{\"titleId\":\"t2\",\"name\":null,\"viewers\":7}],"
					+ "\"asOf\":\"2025-01-31T20:15:00Z\"}"));
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
