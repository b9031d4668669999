package dev.keystone.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a profile likes: two favourite genres, and the habit of following a title with its
 * companion (a viewer of Stranger Things goes on to Dark more often than chance). Every
 * device of a profile shares it, so recommendations have something beyond popularity to
 * find; a quarter of the picks still follow overall popularity, which keeps the most
 * watched titles on top.
 */
final class Taste {

	/** Titles watched together more often than chance, each way. */
	static final Map<String, String> COMPANIONS = Map.ofEntries(Map.entry("stranger-things-s1e1", "dark-s1e1"),
			Map.entry("dark-s1e1", "stranger-things-s1e1"), Map.entry("the-crown-s1e1", "queens-gambit-s1e1"),
			Map.entry("queens-gambit-s1e1", "the-crown-s1e1"), Map.entry("money-heist-s1e1", "squid-game-s1e1"),
			Map.entry("squid-game-s1e1", "money-heist-s1e1"), Map.entry("our-planet-s1e1", "nature-shorts"),
			Map.entry("nature-shorts", "our-planet-s1e1"), Map.entry("the-irishman", "roma"),
			Map.entry("roma", "the-irishman"), Map.entry("wednesday-s1e1", "glass-onion"),
			Map.entry("glass-onion", "wednesday-s1e1"), Map.entry("bird-box", "the-night-agent-s1e1"),
			Map.entry("the-night-agent-s1e1", "bird-box"), Map.entry("bridgerton-s1e1", "the-crown-s1e1"),
			Map.entry("arcane-s1e1", "wednesday-s1e1"));

	private static final double COMPANION_CHANCE = 0.5;

	private static final double GENRE_CHANCE = 0.25;

	private final List<String> genres;

	private Taste(List<String> genres) {
		this.genres = genres;
	}

	/** The taste of the profile, the same for each of its devices and each run. */
	static Taste of(String profileId) {
		Random random = new Random(profileId.hashCode());
		List<String> all = new ArrayList<>(DemoCatalog.GENRES);
		String first = all.remove(random.nextInt(all.size()));
		String second = all.remove(random.nextInt(all.size()));
		return new Taste(List.of(first, second));
	}

	List<String> genres() {
		return this.genres;
	}

	/** The next title to watch after {@code lastTitleId} (null: nothing yet). */
	DemoCatalog.DemoTitle next(String lastTitleId, Random random) {
		double roll = random.nextDouble();
		String companion = (lastTitleId != null) ? COMPANIONS.get(lastTitleId) : null;
		if (companion != null && roll < COMPANION_CHANCE) {
			return DemoCatalog.byId(companion);
		}
		if (roll < COMPANION_CHANCE + GENRE_CHANCE) {
			return DemoCatalog.pickIn(this.genres, random);
		}
		return DemoCatalog.pick(random);
	}

}
