package dev.keystone.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded world of profiles watching a catalog for weeks: Zipf popularity, latent genre
 * tastes, and series of five titles watched in order. Each next title is, by chance, the
 * next episode of a series among the profile's last three watches (45 %), a popular title
 * of one of its two favourite genres (30 %) or a popular title (25 %); one session in
 * five only samples a title. The same seed gives the same world, so the phases of a run
 * build it alike.
 */
final class SyntheticWorld {

	static final int GENRES = 20;

	static final int FRANCHISE_SIZE = 5;

	private static final Duration SPAN = Duration.ofDays(28);

	final List<WorldTitle> titles = new ArrayList<>();

	final List<WorldProfile> profiles = new ArrayList<>();

	record WorldTitle(String titleId, String name, List<String> genres, long durationMs, int franchise) {

	}

	/**
	 * A session: watched when it went past two minutes, otherwise only sampled.
	 */
	record Session(String titleId, Instant at, boolean watched) {

	}

	/**
	 * @param sessions chronological
	 */
	record WorldProfile(String profileId, List<Session> sessions) {

		/** The first 80 % of the profile's watches, with the samplings among them. */
		List<Session> training() {
			return this.sessions.subList(0, splitIndex());
		}

		/** Titles watched in the last 20 % of its watches, not played before. */
		Set<String> heldOut() {
			Set<String> played = new LinkedHashSet<>();
			training().forEach((session) -> played.add(session.titleId()));
			Set<String> heldOut = new LinkedHashSet<>();
			for (Session session : this.sessions.subList(splitIndex(), this.sessions.size())) {
				if (session.watched() && !played.contains(session.titleId())) {
					heldOut.add(session.titleId());
				}
			}
			return heldOut;
		}

		private int splitIndex() {
			long watches = this.sessions.stream().filter(Session::watched).count();
			long trainingWatches = Math.round(watches * 0.8);
			int seen = 0;
			for (int i = 0; i < this.sessions.size(); i++) {
				if (this.sessions.get(i).watched() && ++seen > trainingWatches) {
					return i;
				}
			}
			return this.sessions.size();
		}

	}

	SyntheticWorld(long seed, int titleCount, int profileCount, Instant end) {
		Random random = new Random(seed);
		for (int i = 0; i < titleCount; i++) {
			int franchise = i / FRANCHISE_SIZE;
			// A franchise shares its genres.
			Random genres = new Random(seed * 31 + franchise);
			String first = "genre-" + genres.nextInt(GENRES);
			String second = "genre-" + genres.nextInt(GENRES);
			List<String> titleGenres = first.equals(second) ? List.of(first) : List.of(first, second);
			this.titles.add(new WorldTitle("title-" + i, "Title " + i, titleGenres,
					1_200_000 + random.nextInt(6_000_000), franchise));
		}
		// Popularity: Zipf over a shuffled order, so franchise members are not all hits.
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < titleCount; i++) {
			order.add(i);
		}
		java.util.Collections.shuffle(order, random);
		double[] weight = new double[titleCount];
		for (int rank = 0; rank < titleCount; rank++) {
			weight[order.get(rank)] = 1.0 / Math.pow(rank + 1, 0.9);
		}
		Map<String, List<Integer>> byGenre = new HashMap<>();
		for (int i = 0; i < titleCount; i++) {
			for (String genre : this.titles.get(i).genres()) {
				byGenre.computeIfAbsent(genre, (g) -> new ArrayList<>()).add(i);
			}
		}
		Sampler everything = new Sampler(allIndices(titleCount), weight);
		Map<String, Sampler> genreSamplers = new HashMap<>();
		byGenre.forEach((genre, indices) -> genreSamplers.put(genre, new Sampler(indices, weight)));
		Instant start = end.minus(SPAN);
		for (int p = 0; p < profileCount; p++) {
			List<String> taste = List.of("genre-" + random.nextInt(GENRES), "genre-" + random.nextInt(GENRES));
			int watches = 10 + random.nextInt(31);
			List<Session> sessions = new ArrayList<>();
			Set<Integer> watched = new LinkedHashSet<>();
			Instant at = start.plusSeconds(random.nextInt((int) Duration.ofDays(7).toSeconds()));
			while (watched.size() < watches) {
				int title = next(random, watched, taste, everything, genreSamplers);
				if (watched.contains(title)) {
					continue;
				}
				// One session in five only samples a title.
				boolean sampled = random.nextInt(5) == 0;
				sessions.add(new Session(this.titles.get(title).titleId(), at, !sampled));
				if (!sampled) {
					watched.add(title);
				}
				at = at.plusSeconds(1800 + random.nextInt((int) Duration.ofHours(20).toSeconds()));
				if (at.isAfter(end)) {
					at = end.minusSeconds(watches - watched.size());
				}
			}
			this.profiles.add(new WorldProfile("profile-" + p, sessions));
		}
	}

	private int next(Random random, Set<Integer> watched, List<String> taste, Sampler everything,
			Map<String, Sampler> genres) {
		double roll = random.nextDouble();
		if (!watched.isEmpty() && roll < 0.45) {
			// The next episode of a series among the profile's last three watches.
			List<Integer> seen = new ArrayList<>(watched);
			int base = seen.get(seen.size() - 1 - random.nextInt(Math.min(3, seen.size())));
			int first = this.titles.get(base).franchise() * FRANCHISE_SIZE;
			for (int member = first; member < Math.min(first + FRANCHISE_SIZE, this.titles.size()); member++) {
				if (!watched.contains(member)) {
					return member;
				}
			}
		}
		if (roll < 0.75) {
			Sampler genre = genres.get(taste.get(random.nextInt(taste.size())));
			if (genre != null) {
				return genre.next(random);
			}
		}
		return everything.next(random);
	}

	private static List<Integer> allIndices(int count) {
		List<Integer> all = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			all.add(i);
		}
		return all;
	}

	/** Draws indices in proportion to their weights. */
	private static final class Sampler {

		private final List<Integer> indices;

		private final double[] cumulative;

		Sampler(List<Integer> indices, double[] weight) {
			this.indices = indices;
			this.cumulative = new double[indices.size()];
			double total = 0;
			for (int i = 0; i < indices.size(); i++) {
				total += weight[indices.get(i)];
				this.cumulative[i] = total;
			}
		}

		int next(Random random) {
			double r = random.nextDouble() * this.cumulative[this.cumulative.length - 1];
			int at = java.util.Arrays.binarySearch(this.cumulative, r);
			return this.indices.get((at >= 0) ? at : Math.min(-at - 1, this.indices.size() - 1));
		}

	}

}
