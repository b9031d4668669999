package dev.keystone.alert.alerts;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The alert endpoints' parameter handling and their problem answers.
 */
@WebMvcTest(AlertController.class)
class AlertControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AlertBoard board;

	@MockitoBean
	AlertActions actions;

	@MockitoBean
	AlertFeed feed;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/v1/alerts?page=-1|page|must be 0 or more", "/v1/alerts?size=0|size|must be between 1 and 500",
					"/v1/alerts?size=501|size|must be between 1 and 500",
					"/v1/alerts?size=lots|size|must be a whole number",
					"/v1/alerts?state=open|state|must be firing, acknowledged or resolved",
					"/v1/alerts?severity=urgent|severity|must be low, medium, high or critical",
					"/v1/alerts?from=yesterday|from|must be an ISO-8601 instant such as 2026-01-31T12:00:00Z",
					"/v1/alerts?from=2026-01-31T12:00:00Z&to=2026-01-31T12:00:00Z|to|must be after from" })
	void namesTheParameterItCannotUse(String path, String field, String message) throws Exception {
		this.mvc.perform(get(path))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/bad-request"))
			.andExpect(jsonPath("$.title").value("Bad Request"))
			.andExpect(jsonPath("$.field").value(field))
			.andExpect(jsonPath("$.detail").value(field + ": " + message));
	}

	@Test
	void refusesAnActionByNobody() throws Exception {
		this.mvc
			.perform(post("/v1/alerts/al-1/acknowledge").contentType(MediaType.APPLICATION_JSON)
				.content("{\"by\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("by"));
	}

	@Test
	void answersNotFoundForAnUnknownAlert() throws Exception {
		given(this.board.get("al-404")).willReturn(Optional.empty());

		this.mvc.perform(get("/v1/alerts/al-404"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("no alert al-404"));
	}

}
