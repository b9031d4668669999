package dev.keystone.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TasteTests {

	@Test
	void isTheSameForEveryDeviceOfAProfile() {
		assertThat(Taste.of("profile-7").genres()).isEqualTo(Taste.of("profile-7").genres()).hasSize(2);
	}

	@Test
	void followsATitleWithItsCompanionMoreOftenThanChance() {
		Taste taste = Taste.of("profile-1");
		Random random = new Random(1);
		int companions = 0;
		for (int i = 0; i < 10_000; i++) {
			if (taste.next("stranger-things-s1e1", random).titleId().equals("dark-s1e1")) {
				companions++;
			}
		}
		assertThat(companions).isGreaterThan(3_500);
	}

	@Test
	void keepsTheMostPopularTitleOnTopAcrossTheFleet() {
		Random random = new Random(42);
		Map<String, Integer> watched = new HashMap<>();
		for (int profile = 0; profile < 500; profile++) {
			Taste taste = Taste.of("profile-" + profile);
			String last = null;
			for (int i = 0; i < 10; i++) {
				last = taste.next(last, random).titleId();
				watched.merge(last, 1, Integer::sum);
			}
		}
		String top = watched.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
		assertThat(top).isEqualTo("stranger-things-s1e1");
	}

	@Test
	void picksOnlyFromTheTasteGenresWhenAskedTo() {
		Random random = new Random(3);
		for (int i = 0; i < 100; i++) {
			assertThat(DemoCatalog.pickIn(java.util.List.of("documentary"), random).genres()).contains("documentary");
		}
	}

}
