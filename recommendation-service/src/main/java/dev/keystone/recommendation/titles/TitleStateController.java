package dev.keystone.recommendation.titles;

import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The internal reads of the title stores, answered by the instance holding them for the
 * instance a request reached.
 */
@Hidden
@RestController
class TitleStateController {

	private final Titles titles;

	TitleStateController(Titles titles) {
		this.titles = titles;
	}

	@GetMapping("/internal/titles/trending")
	List<Ranked> trending(@RequestParam String scope, @RequestParam int limit) {
		return this.titles.local().trending(scope, limit);
	}

	@GetMapping("/internal/titles/{titleId}/similar")
	List<Ranked> similar(@PathVariable String titleId, @RequestParam int limit) {
		return this.titles.local().similar(titleId, limit);
	}

	@GetMapping("/internal/titles/candidates")
	Candidates candidates(@RequestParam(defaultValue = "") List<String> watched,
			@RequestParam(defaultValue = "") List<String> genre, @RequestParam int limit) {
		return this.titles.localCandidates(watched, genre, limit);
	}

}
