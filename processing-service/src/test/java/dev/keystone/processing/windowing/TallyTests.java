package dev.keystone.processing.windowing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window sums written before a series had some of its counters, as a running window holds
 * them across an upgrade.
 */
class TallyTests {

	private static final Counters OLDER = Counters.sessions().sum("events");

	private static final Counters NEWER = OLDER.sessionSubset("error_sessions")
		.sessionSubset("buffering_sessions")
		.sum("crashes");

	@Test
	void readsAStoredTallyWithFewerCountersAsZeroInTheNewOnes() {
		Tally older = new Tally(OLDER.size());
		older.newSession(Counters.SESSIONS);
		older.add(OLDER, new long[] { 0, 7 });

		Tally read = Tally.of(older.bytes(), NEWER.size());

		assertThat(read.counts()).containsExactly(1, 7, 0, 0, 0);
	}

	@Test
	void mergesAPartialWithFewerCountersIntoTheOnesItHas() {
		Tally total = new Tally(NEWER.size());
		total.merge(new long[] { 3, 5, 1, 1, 0 }, false);
		total.merge(new long[] { 2, 4 }, true);

		assertThat(total.counts()).containsExactly(5, 9, 1, 1, 0);
		assertThat(total.approximate()).isTrue();
	}

	@Test
	void leavesSessionSubsetsToTheSessionCount() {
		Tally tally = new Tally(NEWER.size());
		tally.add(NEWER, new long[] { 1, 1, 1, 1, 1 });

		assertThat(tally.counts()).containsExactly(0, 1, 0, 0, 1);
	}

}
