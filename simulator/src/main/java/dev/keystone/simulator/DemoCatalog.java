package dev.keystone.simulator;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The titles the fleet watches, most popular first: a few hits take most of the viewing,
 * as on any service.
 */
final class DemoCatalog {

	record DemoTitle(String titleId, String name, List<String> genres, long durationMs, int releaseYear) {

	}

	static final List<DemoTitle> TITLES = List.of(
			new DemoTitle("stranger-things-s1e1", "Stranger Things: Chapter One", List.of("sci-fi", "horror"),
					2_940_000, 2016),
			new DemoTitle("the-crown-s1e1", "The Crown: Wolferton Splash", List.of("drama", "history"), 3_420_000,
					2016),
			new DemoTitle("dark-s1e1", "Dark: Secrets", List.of("sci-fi", "thriller"), 3_060_000, 2017),
			new DemoTitle("money-heist-s1e1", "Money Heist: Episode 1", List.of("crime", "thriller"), 2_820_000, 2017),
			new DemoTitle("our-planet-s1e1", "Our Planet: One Planet", List.of("documentary"), 2_940_000, 2019),
			new DemoTitle("the-irishman", "The Irishman", List.of("crime", "drama"), 12_540_000, 2019),
			new DemoTitle("roma", "Roma", List.of("drama"), 8_100_000, 2018),
			new DemoTitle("bird-box", "Bird Box", List.of("horror", "thriller"), 7_440_000, 2018),
			new DemoTitle("queens-gambit-s1e1", "The Queen's Gambit: Openings", List.of("drama"), 3_540_000, 2020),
			new DemoTitle("bridgerton-s1e1", "Bridgerton: Diamond of the First Water", List.of("romance", "drama"),
					3_720_000, 2020),
			new DemoTitle("squid-game-s1e1", "Squid Game: Red Light, Green Light", List.of("thriller", "drama"),
					3_600_000, 2021),
			new DemoTitle("arcane-s1e1", "Arcane: Welcome to the Playground", List.of("animation", "action"), 2_460_000,
					2021),
			new DemoTitle("wednesday-s1e1", "Wednesday: Wednesday's Child Is Full of Woe", List.of("comedy", "mystery"),
					3_540_000, 2022),
			new DemoTitle("glass-onion", "Glass Onion", List.of("mystery", "comedy"), 8_340_000, 2022),
			new DemoTitle("the-night-agent-s1e1", "The Night Agent: Call Him Back", List.of("thriller"), 3_060_000,
					2023),
			new DemoTitle("nature-shorts", "Nature Shorts", List.of("documentary", "kids"), 600_000, 2024));

	/** Every genre of the catalog, sorted. */
	static final List<String> GENRES = List.copyOf(TITLES.stream()
		.flatMap((title) -> title.genres().stream())
		.collect(TreeSet::new, TreeSet::add, TreeSet::addAll));

	private static final double[] CUMULATIVE = cumulativeZipf(TITLES.size());

	private DemoCatalog() {
	}

	static DemoTitle pick(Random random) {
		double r = random.nextDouble();
		for (int i = 0; i < CUMULATIVE.length; i++) {
			if (r < CUMULATIVE[i]) {
				return TITLES.get(i);
			}
		}
		return TITLES.get(TITLES.size() - 1);
	}

	/**
	 * A title of one of the genres, by the same popularity: the catalog's order, the
	 * first twice as likely as the second.
	 */
	static DemoTitle pickIn(List<String> genres, Random random) {
		List<DemoTitle> titles = TITLES.stream()
			.filter((title) -> title.genres().stream().anyMatch(genres::contains))
			.toList();
		double total = 0;
		for (int i = 0; i < titles.size(); i++) {
			total += 1.0 / (i + 1);
		}
		double r = random.nextDouble() * total;
		for (int i = 0; i < titles.size(); i++) {
			r -= 1.0 / (i + 1);
			if (r < 0) {
				return titles.get(i);
			}
		}
		return titles.get(titles.size() - 1);
	}

	static DemoTitle byId(String titleId) {
		return TITLES.stream()
			.filter((title) -> title.titleId().equals(titleId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no demo title " + titleId));
	}

	private static double[] cumulativeZipf(int n) {
		double[] weights = new double[n];
		double total = 0;
		for (int i = 0; i < n; i++) {
			weights[i] = 1.0 / (i + 1);
			total += weights[i];
		}
		double running = 0;
		for (int i = 0; i < n; i++) {
			running += weights[i] / total;
			weights[i] = running;
		}
		return weights;
	}

}
