package dev.keystone.ingest.catalog;

import java.util.List;
import java.util.Optional;

import dev.keystone.events.Title;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog endpoints' handling of title ids and bodies, and their problem answers.
 */
@WebMvcTest(CatalogController.class)
class CatalogControllerTests {

	private static final String DARK = """
			{"name": "Dark", "genres": ["drama"], "durationMs": 3120000, "releaseYear": 2017}""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@Test
	void refusesATitleIdOutsideTheAllowedCharacters() throws Exception {
		this.mvc.perform(get("/v1/catalog/titles/{id}", "bad id"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/invalid-title-id"))
			.andExpect(jsonPath("$.detail").value("titleId must be 1-128 characters of letters, digits and . _ : -"));
	}

	@Test
	void answersNotFoundForAnUnknownTitle() throws Exception {
		given(this.catalog.find("t-404")).willReturn(Optional.empty());
		given(this.catalog.delete("t-404")).willReturn(false);

		this.mvc.perform(get("/v1/catalog/titles/t-404"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/title-not-found"))
			.andExpect(jsonPath("$.detail").value("no title 't-404'"));
		this.mvc.perform(delete("/v1/catalog/titles/t-404")).andExpect(status().isNotFound());
	}

	@Test
	void namesEveryInvalidFieldOfABody() throws Exception {
		this.mvc
			.perform(put("/v1/catalog/titles/t-1").contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \" \", \"releaseYear\": 1800}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://keystone.dev/problems/invalid-body"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "releaseYear")));
	}

	@Test
	void answersCreatedForANewTitleAndOkForAnUpdate() throws Exception {
		Title dark = new Title("t-1", "Dark", List.of("drama"), 3120000L, 2017);
		given(this.catalog.find("t-1")).willReturn(Optional.of(dark));
		given(this.catalog.put(eq("t-1"), any())).willReturn(true, false);

		this.mvc.perform(put("/v1/catalog/titles/t-1").contentType(MediaType.APPLICATION_JSON).content(DARK))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("Dark"));
		this.mvc.perform(put("/v1/catalog/titles/t-1").contentType(MediaType.APPLICATION_JSON).content(DARK))
			.andExpect(status().isOk());
	}

}
