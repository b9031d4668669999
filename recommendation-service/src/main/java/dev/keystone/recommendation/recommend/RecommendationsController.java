package dev.keystone.recommendation.recommend;

import java.time.Clock;
import java.util.List;

import dev.keystone.recommendation.system.QueryParameters;
import dev.keystone.recommendation.system.RequestCounter;
import dev.keystone.recommendation.titles.Candidates;
import dev.keystone.recommendation.titles.CatalogTitles;
import dev.keystone.recommendation.titles.Titles;
import dev.keystone.recommendation.watching.ProfileHistory;
import dev.keystone.recommendation.watching.Profiles;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A profile's recommendations: its history from the instance holding it, the candidates
 * from the instance holding the titles, blended here.
 */
@RestController
class RecommendationsController {

	private final Profiles profiles;

	private final Titles titles;

	private final CatalogTitles catalog;

	private final Recommender recommender;

	private final RecommendSettings settings;

	private final RequestCounter requests;

	private final Clock clock;

	RecommendationsController(Profiles profiles, Titles titles, CatalogTitles catalog, RecommendSettings settings,
			RequestCounter requests, Clock clock) {
		this.profiles = profiles;
		this.titles = titles;
		this.catalog = catalog;
		this.recommender = new Recommender(settings);
		this.settings = settings;
		this.requests = requests;
		this.clock = clock;
	}

	@GetMapping("/v1/recommendations/{profileId}")
	Recommendations recommendations(@PathVariable String profileId, @RequestParam(defaultValue = "10") int limit) {
		this.requests.count("recommendations");
		QueryParameters.limit(limit);
		ProfileHistory history = this.profiles.history(QueryParameters.profileId(profileId));
		List<String> watched = this.recommender.recentWatches(history);
		List<String> genres = this.recommender.favouriteGenres(history, List.of(), this.catalog::genres);
		Candidates candidates = this.titles.candidates(watched, genres, this.settings.candidates());
		if (genres.isEmpty()) {
			genres = this.recommender.favouriteGenres(history, candidates.trending(), this.catalog::genres);
			candidates = this.titles.candidates(watched, genres, this.settings.candidates());
		}
		List<Recommendations.Item> items = this.recommender.recommend(history, candidates, genres, limit)
			.stream()
			.map(this::item)
			.toList();
		return new Recommendations(history.profileId(), this.clock.instant(), items);
	}

	private Recommendations.Item item(Recommender.Pick pick) {
		String name = this.catalog.name(pick.titleId());
		String shown = (name != null) ? name : pick.titleId();
		Reason reason = switch (pick.kind()) {
			case BECAUSE_YOU_WATCHED ->
				new Reason(pick.kind(), pick.watched(), null, "Because you watched " + nameOr(pick.watched()));
			case POPULAR_IN_GENRE -> new Reason(pick.kind(), null, pick.genre(), "Popular in " + pick.genre());
			case TRENDING -> new Reason(pick.kind(), null, null, shown + " is trending now");
		};
		return new Recommendations.Item(pick.titleId(), name, pick.score(), reason);
	}

	private String nameOr(String titleId) {
		String name = this.catalog.name(titleId);
		return (name != null) ? name : titleId;
	}

}
