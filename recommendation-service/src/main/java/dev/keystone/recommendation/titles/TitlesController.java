package dev.keystone.recommendation.titles;

import java.time.Clock;
import java.util.List;

import dev.keystone.events.http.BadParameterException;
import dev.keystone.events.http.NotFoundException;
import dev.keystone.recommendation.system.QueryParameters;
import dev.keystone.recommendation.system.RequestCounter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Trending titles and the titles similar to one.
 */
@RestController
class TitlesController {

	private final Titles titles;

	private final CatalogTitles catalog;

	private final RequestCounter requests;

	private final Clock clock;

	TitlesController(Titles titles, CatalogTitles catalog, RequestCounter requests, Clock clock) {
		this.titles = titles;
		this.catalog = catalog;
		this.requests = requests;
		this.clock = clock;
	}

	@GetMapping("/v1/trending")
	Trending trending(@RequestParam(defaultValue = "10") int limit, @RequestParam(required = false) String genre,
			@RequestParam(required = false) String country) {
		this.requests.count("trending");
		String scope = scope(genre, country);
		return new Trending(this.clock.instant(),
				this.titles.trending(scope, QueryParameters.limit(limit))
					.stream()
					.map((ranked) -> new Trending.Item(ranked.titleId(), this.catalog.name(ranked.titleId()),
							ranked.score(), ranked.viewers()))
					.toList());
	}

	@GetMapping("/v1/titles/{titleId}/similar")
	SimilarTitles similar(@PathVariable String titleId, @RequestParam(defaultValue = "10") int limit) {
		this.requests.count("similar");
		QueryParameters.titleId(titleId);
		List<Ranked> similar = this.titles.similar(titleId, QueryParameters.limit(limit));
		if (similar.isEmpty() && this.catalog.title(titleId).isEmpty()) {
			throw new NotFoundException("no title " + titleId + " in the catalog or in what profiles watched");
		}
		return new SimilarTitles(titleId,
				similar.stream()
					.map((ranked) -> new SimilarTitles.Item(ranked.titleId(), this.catalog.name(ranked.titleId()),
							ranked.score()))
					.toList());
	}

	/**
	 * Starts are counted overall, per genre and per country, not per pair, so one of the
	 * two narrows the ranking.
	 */
	private static String scope(String genre, String country) {
		if (genre != null && country != null) {
			throw new BadParameterException("country", "give genre or country, not both");
		}
		if (genre != null) {
			return Scopes.genre(QueryParameters.genre(genre));
		}
		if (country != null) {
			return Scopes.country(QueryParameters.country(country));
		}
		return Scopes.ALL;
	}

}
