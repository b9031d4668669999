package dev.keystone.recommendation.titles;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CoWatchTests {

	@Test
	void countsProfilesAndCoWatches() {
		CoWatch title = CoWatch.none().watchedOnce().watchedOnce().with("a", 3).with("a", 3).with("b", 3);
		assertThat(title.watchers()).isEqualTo(2);
		assertThat(title.neighbours()).containsOnly(entry("a", 2L), entry("b", 1L));
	}

	@Test
	void keepsAtMostTheBoundAndTheCountsOfTheOftenCoWatched() {
		CoWatch title = CoWatch.none().with("a", 2).with("a", 2).with("a", 2).with("b", 2);
		title = title.with("c", 2);
		assertThat(title.neighbours()).containsOnly(entry("a", 3L), entry("c", 1L));
		title = title.with("d", 2).with("d", 2);
		assertThat(title.neighbours()).containsOnly(entry("a", 3L), entry("d", 2L));
	}

}
