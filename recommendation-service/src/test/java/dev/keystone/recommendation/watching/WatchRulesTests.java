package dev.keystone.recommendation.watching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.keystone.events.EventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WatchRulesTests {

	private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");

	private final WatchRules rules = new WatchRules(
			new WatchSettings(Duration.ofMinutes(2), 0.2, 0.9, 3, Duration.ofMinutes(30), 20));

	@Test
	void keepsTheLastTitlesPlayedWithinTheBound() {
		ProfileHistory history = ProfileHistory.empty("p");
		for (int i = 0; i < 5; i++) {
			history = this.rules.apply(history, playback(EventType.PLAY_START, "t" + i, T0.plusSeconds(i), 0))
				.history();
		}
		assertThat(history.titles()).extracting(TitleProgress::titleId).containsExactly("t4", "t3", "t2");
	}

	@Test
	void countsAStartAgainOnlyAfterTheRestartPeriod() {
		WatchRules.Applied first = this.rules.apply(ProfileHistory.empty("p"),
				playback(EventType.PLAY_START, "t", T0, 0));
		WatchRules.Applied soon = this.rules.apply(first.history(),
				playback(EventType.PLAY_START, "t", T0.plusSeconds(600), 0));
		WatchRules.Applied later = this.rules.apply(soon.history(),
				playback(EventType.PLAY_START, "t", T0.plusSeconds(1800), 0));
		assertThat(first.signals()).extracting(TitleSignal::kind).containsExactly(TitleSignal.Kind.STARTED);
		assertThat(soon.signals()).isEmpty();
		assertThat(later.signals()).extracting(TitleSignal::kind).containsExactly(TitleSignal.Kind.STARTED);
	}

	@Test
	void pairsANewWatchWithTheEarlierWatchesNewestFirst() {
		ProfileHistory history = ProfileHistory.empty("p");
		history = this.rules.apply(history, playback(EventType.HEARTBEAT, "a", T0, 200_000)).history();
		history = this.rules.apply(history, playback(EventType.HEARTBEAT, "b", T0.plusSeconds(1), 200_000)).history();
		WatchRules.Applied applied = this.rules.apply(history,
				playback(EventType.HEARTBEAT, "c", T0.plusSeconds(2), 200_000));
		assertThat(applied.watched()).isTrue();
		assertThat(applied.signals()).singleElement()
			.satisfies((signal) -> assertThat(signal.others()).containsExactly("b", "a"));
	}

	@Test
	void leavesTheHistoryAloneForAnEventThatChangesNothing() {
		WatchRules.Applied first = this.rules.apply(ProfileHistory.empty("p"),
				playback(EventType.HEARTBEAT, "t", T0, 50_000));
		WatchRules.Applied again = this.rules.apply(first.history(),
				playback(EventType.PLAY_PAUSE, "t", T0.minusSeconds(1), 40_000));
		assertThat(again.changed()).isFalse();
	}

	private static Playback playback(EventType type, String titleId, Instant at, long positionMs) {
		return new Playback("p", titleId, type, at, positionMs, "DE", titleId, List.of("drama"), 3_600_000L);
	}

}
