package dev.keystone.processing.windowing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window sums written before a series had some of its counters, as a running window holds
 * them across an upgrade.
 */
class TallyTests {

	@Test
	void readsAStoredTallyWithFewerCountersAsZeroInTheNewOnes() {
		Tally older = new Tally(2);
		older.newSession(Series.SESSIONS);
		older.add(Series.VIEWERS_10S, new long[] { 0, 7 });

		Tally read = Tally.of(older.bytes(), Series.SCOPE_1M.counters());

		assertThat(read.counts()).containsExactly(1, 7, 0, 0, 0);
	}

	@Test
	void mergesAPartialWithFewerCountersIntoTheOnesItHas() {
		Tally total = new Tally(Series.SCOPE_1M.counters());
		total.merge(new long[] { 3, 5, 1, 1, 0 }, false);
		total.merge(new long[] { 2, 4 }, true);

		assertThat(total.counts()).containsExactly(5, 9, 1, 1, 0);
		assertThat(total.approximate()).isTrue();
	}

	@Test
	void leavesSessionSubsetsToTheSessionCount() {
		Tally tally = new Tally(Series.SCOPE_1M.counters());
		tally.add(Series.SCOPE_1M, new long[] { 1, 1, 1, 1, 1 });

		assertThat(tally.counts()).containsExactly(0, 1, 0, 0, 1);
	}

}
