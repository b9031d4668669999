package dev.keystone.routing.viewers;

import java.time.Instant;

import dev.keystone.events.ViewerCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which viewer counts the sink refuses for their content (rejected, never retried) and
 * which it stores.
 */
class ViewerCountProblemsTests {

	static final Instant T0 = Instant.parse("2025-01-31T20:15:00Z");

	@Test
	void storesACountOfEitherWindow() {
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), 3, 9))).isNull();
		assertThat(ViewerCountSink.problem(new ViewerCount("_all", "1m", T0, T0.plusSeconds(60), 0, 0))).isNull();
	}

	@Test
	void refusesACountWithoutTitle() {
		assertThat(ViewerCountSink.problem(new ViewerCount(" ", "10s", T0, T0.plusSeconds(10), 3, 9)))
			.isEqualTo("titleId missing");
		assertThat(ViewerCountSink.problem(new ViewerCount(null, "10s", T0, T0.plusSeconds(10), 3, 9)))
			.isEqualTo("titleId missing");
	}

	@Test
	void refusesAWindowLabelThatNamesNoWindow() {
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "5m", T0, T0.plusSeconds(300), 3, 9)))
			.isEqualTo("window must be one of [10s, 1m]");
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", null, T0, T0.plusSeconds(10), 3, 9)))
			.isEqualTo("window must be one of [10s, 1m]");
	}

	@Test
	void refusesAWindowThatEndsBeforeItStarts() {
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "10s", T0, T0, 3, 9)))
			.isEqualTo("start and end must be instants with end after start");
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "10s", null, T0, 3, 9)))
			.isEqualTo("start and end must be instants with end after start");
	}

	@Test
	void refusesNegativeCounts() {
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), -1, 9)))
			.isEqualTo("viewers and events must not be negative");
		assertThat(ViewerCountSink.problem(new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), 1, -9)))
			.isEqualTo("viewers and events must not be negative");
	}

}
