package dev.keystone.recommendation.titles;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class TrendCountTests {

	private static final Duration HALF_LIFE = Duration.ofMinutes(30);

	private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");

	@Test
	void halvesEachHalfLife() {
		TrendCount count = TrendCount.first(T0, HALF_LIFE).add(T0, HALF_LIFE);
		assertThat(count.scoreAt(T0, HALF_LIFE)).isCloseTo(2, offset(1e-9));
		assertThat(count.scoreAt(T0.plus(HALF_LIFE), HALF_LIFE)).isCloseTo(1, offset(1e-9));
		assertThat(count.scoreAt(T0.plus(HALF_LIFE.multipliedBy(2)), HALF_LIFE)).isCloseTo(0.5, offset(1e-9));
		assertThat(count.viewers()).isEqualTo(2);
	}

	@Test
	void addsStartsOfDifferentTimesAtTheirOwnWeight() {
		TrendCount count = TrendCount.first(T0, HALF_LIFE).add(T0.minus(HALF_LIFE), HALF_LIFE);
		assertThat(count.scoreAt(T0, HALF_LIFE)).isCloseTo(1.5, offset(1e-9));
	}

	@Test
	void staysExactAfterWeeksOfHistory() {
		Instant weeksLater = T0.plus(Duration.ofDays(60));
		TrendCount count = TrendCount.first(T0, HALF_LIFE).add(weeksLater, HALF_LIFE);
		assertThat(count.scoreAt(weeksLater, HALF_LIFE)).isCloseTo(1, offset(1e-9));
		assertThat(count.level()).isFinite();
	}

}
