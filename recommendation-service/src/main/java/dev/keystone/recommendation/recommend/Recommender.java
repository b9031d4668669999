package dev.keystone.recommendation.recommend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.keystone.recommendation.titles.Candidates;
import dev.keystone.recommendation.titles.Ranked;
import dev.keystone.recommendation.watching.ProfileHistory;
import dev.keystone.recommendation.watching.TitleProgress;

/**
 * Blends a profile's candidates into one ranking. Each candidate scores
 * {@code byw + genreWeight * genre + trendingWeight * trending}, each part scaled to
 * 0..1:
 * <ul>
 * <li>because-you-watched: the similarity to the profile's recent watches, newer watches
 * weighing more;</li>
 * <li>genre: the title's popularity in the profile's favourite genres, by taste;</li>
 * <li>trending: its decayed starts now.</li>
 * </ul>
 * The reason is the part that contributed most. Titles the profile played are left out:
 * finished ones are done, the others are in its continue-watching row. A profile without
 * watches gets trending titles and the popular titles of the genres trending now.
 */
public final class Recommender {

	private final RecommendSettings settings;

	public Recommender(RecommendSettings settings) {
		this.settings = settings;
	}

	/** The recent watches whose similar titles are candidates, newest first. */
	public List<String> recentWatches(ProfileHistory history) {
		return history.watched().stream().limit(this.settings.recentWatches()).map(TitleProgress::titleId).toList();
	}

	/**
	 * The profile's favourite genres, or those of the trending titles for a profile
	 * without history.
	 */
	public List<String> favouriteGenres(ProfileHistory history, List<Ranked> trending,
			Function<String, List<String>> genresOf) {
		Map<String, Double> taste = taste(history);
		if (taste.isEmpty()) {
			trending.forEach((ranked) -> genresOf.apply(ranked.titleId())
				.forEach((genre) -> taste.merge(genre, ranked.score(), Double::sum)));
		}
		return taste.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.limit(this.settings.genres())
			.map(Map.Entry::getKey)
			.toList();
	}

	public List<Pick> recommend(ProfileHistory history, Candidates candidates, List<String> genres, int limit) {
		if (history.titles().isEmpty()) {
			return coldStart(candidates, genres, limit);
		}
		Map<String, Parts> parts = new LinkedHashMap<>();
		becauseYouWatched(history, candidates, parts);
		genre(history, candidates, genres, parts);
		trending(candidates, parts);
		return parts.entrySet()
			.stream()
			.filter((entry) -> !history.contains(entry.getKey()))
			.map((entry) -> entry.getValue().pick(entry.getKey(), this.settings))
			.sorted(Comparator.comparingDouble(Pick::score).reversed().thenComparing(Pick::titleId))
			.limit(limit)
			.toList();
	}

	/**
	 * Trending titles and the popular titles of the genres trending now, taking turns, so
	 * that both kinds show whichever is stronger.
	 */
	private List<Pick> coldStart(Candidates candidates, List<String> genres, int limit) {
		double maxTrending = candidates.trending().stream().mapToDouble(Ranked::score).max().orElse(1);
		List<Pick> trending = candidates.trending()
			.stream()
			.map((title) -> new Pick(title.titleId(), title.score() / maxTrending, Reason.Kind.TRENDING, null, null))
			.toList();
		List<Pick> popular = new ArrayList<>();
		Map<String, List<Ranked>> byGenre = new LinkedHashMap<>();
		genres.forEach((genre) -> byGenre.put(genre, candidates.popular().getOrDefault(genre, List.of())));
		for (int rank = 0;; rank++) {
			boolean any = false;
			for (Map.Entry<String, List<Ranked>> genre : byGenre.entrySet()) {
				List<Ranked> titles = genre.getValue();
				if (rank < titles.size()) {
					any = true;
					double score = titles.get(rank).score() / titles.get(0).score();
					popular.add(new Pick(titles.get(rank).titleId(), score, Reason.Kind.POPULAR_IN_GENRE, null,
							genre.getKey()));
				}
			}
			if (!any) {
				break;
			}
		}
		List<Pick> picks = new ArrayList<>();
		Set<String> taken = new HashSet<>();
		for (int i = 0; picks.size() < limit && (i < trending.size() || i < popular.size()); i++) {
			for (List<Pick> source : List.of(trending, popular)) {
				if (i < source.size() && picks.size() < limit && taken.add(source.get(i).titleId())) {
					picks.add(source.get(i));
				}
			}
		}
		return picks;
	}

	private void becauseYouWatched(ProfileHistory history, Candidates candidates, Map<String, Parts> parts) {
		Map<String, Double> scores = new HashMap<>();
		Map<String, String> strongest = new HashMap<>();
		Map<String, Double> strongestScore = new HashMap<>();
		double weight = 1;
		for (String watched : recentWatches(history)) {
			for (Ranked similar : candidates.similar().getOrDefault(watched, List.of())) {
				double contribution = weight * similar.score();
				scores.merge(similar.titleId(), contribution, Double::sum);
				if (contribution > strongestScore.getOrDefault(similar.titleId(), 0.0)) {
					strongestScore.put(similar.titleId(), contribution);
					strongest.put(similar.titleId(), watched);
				}
			}
			weight *= this.settings.recencyDecay();
		}
		double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		if (max > 0) {
			scores.forEach((titleId, score) -> {
				Parts part = parts.computeIfAbsent(titleId, (id) -> new Parts());
				part.becauseYouWatched = score / max;
				part.watched = strongest.get(titleId);
			});
		}
	}

	private void genre(ProfileHistory history, Candidates candidates, List<String> genres, Map<String, Parts> parts) {
		Map<String, Double> taste = taste(history);
		double strongestTaste = taste.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
		for (String genre : genres) {
			List<Ranked> popular = candidates.popular().getOrDefault(genre, List.of());
			double max = popular.stream().mapToDouble(Ranked::score).max().orElse(0);
			if (max <= 0) {
				continue;
			}
			// Without history every picked genre counts fully.
			double affinity = taste.isEmpty() ? 1 : taste.getOrDefault(genre, 0.0) / strongestTaste;
			for (Ranked title : popular) {
				double score = affinity * title.score() / max;
				Parts part = parts.computeIfAbsent(title.titleId(), (id) -> new Parts());
				if (score > part.genre) {
					part.genre = score;
					part.genreName = genre;
				}
			}
		}
	}

	private void trending(Candidates candidates, Map<String, Parts> parts) {
		double max = candidates.trending().stream().mapToDouble(Ranked::score).max().orElse(0);
		if (max <= 0) {
			return;
		}
		candidates.trending()
			.forEach((title) -> parts.computeIfAbsent(title.titleId(), (id) -> new Parts()).trending = title.score()
					/ max);
	}

	/** Genre to its weight among the profile's titles, newer titles weighing more. */
	private Map<String, Double> taste(ProfileHistory history) {
		Map<String, Double> taste = new HashMap<>();
		double weight = 1;
		for (TitleProgress title : history.titles()) {
			double titleWeight = title.watched() ? weight : weight / 2;
			title.genres().forEach((genre) -> taste.merge(genre, titleWeight, Double::sum));
			weight *= this.settings.recencyDecay();
		}
		return taste;
	}

	/**
	 * A recommended title before names are added.
	 *
	 * @param watched for because-you-watched, the watched title
	 * @param genre for popular-in-genre, the genre
	 */
	public record Pick(String titleId, double score, Reason.Kind kind, String watched, String genre) {

	}

	private static final class Parts {

		double becauseYouWatched;

		String watched;

		double genre;

		String genreName;

		double trending;

		Pick pick(String titleId, RecommendSettings settings) {
			double byw = this.becauseYouWatched;
			double genre = settings.genreWeight() * this.genre;
			double trending = settings.trendingWeight() * this.trending;
			double score = byw + genre + trending;
			if (byw >= genre && byw >= trending && byw > 0) {
				return new Pick(titleId, score, Reason.Kind.BECAUSE_YOU_WATCHED, this.watched, null);
			}
			if (genre >= trending && genre > 0) {
				return new Pick(titleId, score, Reason.Kind.POPULAR_IN_GENRE, null, this.genreName);
			}
			return new Pick(titleId, score, Reason.Kind.TRENDING, null, null);
		}

	}

}
