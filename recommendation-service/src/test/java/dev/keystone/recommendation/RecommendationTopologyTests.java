package dev.keystone.recommendation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.keystone.recommendation.recommend.Reason;
import dev.keystone.recommendation.recommend.Recommender;
import dev.keystone.recommendation.titles.Candidates;
import dev.keystone.recommendation.titles.Ranked;
import dev.keystone.recommendation.titles.Scopes;
import dev.keystone.recommendation.titles.TitleQueries;
import dev.keystone.recommendation.watching.ProfileHistory;
import dev.keystone.recommendation.watching.TitleProgress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationTopologyTests {

	private static final Instant T0 = Instant.parse("2026-03-01T20:00:00Z");

	private static final long HOUR = 3_600_000;

	@TempDir
	Path stateDir;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private TestTopology topology;

	@BeforeEach
	void start() {
		this.topology = TestTopology.start(this.stateDir, TestTopology.WATCHING, TestTopology.TITLES, this.registry,
				Clock.fixed(T0, ZoneOffset.UTC));
		this.topology.title("film", "A Film", List.of("drama"), 2 * HOUR);
		this.topology.title("short", "A Short", List.of("kids"), 300_000);
		this.topology.title("space-1", "Space One", List.of("sci-fi"), HOUR);
		this.topology.title("space-2", "Space Two", List.of("sci-fi"), HOUR);
		this.topology.title("blockbuster", "Blockbuster", List.of("action"), HOUR);
		this.topology.title("cooking", "Cooking", List.of("documentary"), HOUR);
	}

	@AfterEach
	void stop() {
		this.topology.close();
	}

	@Test
	void watchesALongTitleAfterTwoMinutesAndAShortOneAtAFifth() {
		this.topology.watch("p1", "film", T0, 119_000);
		this.topology.watch("p1", "short", T0.plusSeconds(10), 59_000);
		assertThat(this.topology.history("p1").watched()).isEmpty();

		this.topology.playback("p1", "heartbeat", "film", T0.plusSeconds(200), 120_000);
		this.topology.playback("p1", "heartbeat", "short", T0.plusSeconds(210), 60_000);

		assertThat(this.topology.history("p1").watched()).extracting(TitleProgress::titleId)
			.containsExactly("short", "film");
		assertThat(this.registry.get("keystone.recommendation.watches").tag("kind", "watched").counter().count())
			.isEqualTo(2);
	}

	@Test
	void finishesAtNinetyPercentAndKeepsTheFurthestPositionToResume() {
		this.topology.watch("p1", "film", T0, 3_000_000);
		this.topology.playback("p1", "seek", "film", T0.plusSeconds(3_100), 1_000_000);

		TitleProgress film = this.topology.history("p1").titles().get(0);
		assertThat(film.progressMs()).isEqualTo(3_000_000);
		assertThat(film.finished()).isFalse();
		assertThat(this.topology.history("p1").inProgress()).extracting(TitleProgress::titleId).containsExactly("film");

		this.topology.playback("p1", "heartbeat", "film", T0.plusSeconds(7_000), 6_480_000);
		assertThat(this.topology.history("p1").titles().get(0).finished()).isTrue();
		assertThat(this.topology.history("p1").inProgress()).isEmpty();
	}

	@Test
	void ranksTrendingByDecayedDistinctProfiles() {
		// Four profiles started cooking an hour ago (two half-lives): worth one now.
		for (int i = 0; i < 4; i++) {
			this.topology.playback("old-" + i, "play_start", "cooking", T0.minusMillis(HOUR), 0);
		}
		// Two profiles start space-1 now, one of them three times: two starts.
		this.topology.playback("new-0", "play_start", "space-1", T0, 0);
		this.topology.playback("new-0", "play_start", "space-1", T0.plusSeconds(60), 0);
		this.topology.playback("new-0", "play_start", "space-1", T0.plusSeconds(120), 0);
		this.topology.playback("new-1", "play_start", "space-1", T0, 0);

		TitleQueries queries = this.topology.titleQueries(TestTopology.TITLES, Clock.fixed(T0, ZoneOffset.UTC));
		List<Ranked> trending = queries.trending(Scopes.ALL, 10);
		assertThat(trending).extracting(Ranked::titleId).containsExactly("space-1", "cooking");
		assertThat(trending.get(0).score()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(trending.get(0).viewers()).isEqualTo(2);
		assertThat(trending.get(1).score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
		assertThat(queries.popular(Scopes.ALL, 10)).extracting(Ranked::titleId).containsExactly("cooking", "space-1");
		assertThat(queries.trending(Scopes.genre("sci-fi"), 10)).extracting(Ranked::titleId).containsExactly("space-1");
		assertThat(queries.trending(Scopes.country("de"), 10)).hasSize(2);
	}

	@Test
	void findsCoWatchedTitlesAboveTheBlockbusterEveryoneWatches() {
		// Everyone watches the blockbuster; the sci-fi fans also watch both space titles.
		for (int i = 0; i < 10; i++) {
			this.topology.watch("p" + i, "blockbuster", T0.plusSeconds(i), 600_000);
			this.topology.watch("p" + i, (i % 2 == 0) ? "cooking" : "film", T0.plusSeconds(100 + i), 600_000);
		}
		for (int i = 0; i < 4; i++) {
			this.topology.watch("p" + i, "space-1", T0.plusSeconds(200 + i), 600_000);
			this.topology.watch("p" + i, "space-2", T0.plusSeconds(300 + i), 600_000);
		}

		TitleQueries queries = this.topology.titleQueries(TestTopology.TITLES, Clock.fixed(T0, ZoneOffset.UTC));
		List<Ranked> similar = queries.similar("space-1", 10);
		assertThat(similar.get(0).titleId()).isEqualTo("space-2");
		assertThat(similar.get(0).viewers()).isEqualTo(4);
		assertThat(similar).extracting(Ranked::titleId).contains("blockbuster");
		assertThat(queries.similar("nobody-watched", 10)).isEmpty();
	}

	@Test
	void neverRecommendsAFinishedTitle() {
		for (int i = 0; i < 5; i++) {
			this.topology.watch("fan-" + i, "space-1", T0.plusSeconds(i), 600_000);
			this.topology.watch("fan-" + i, "space-2", T0.plusSeconds(10 + i), 600_000);
			this.topology.watch("fan-" + i, "film", T0.plusSeconds(20 + i), 600_000);
		}
		this.topology.watch("me", "space-2", T0.minusMillis(2 * HOUR), 3_500_000);
		this.topology.watch("me", "space-1", T0.plusSeconds(200), 600_000);

		List<Recommender.Pick> picks = recommend("me");
		assertThat(picks).extracting(Recommender.Pick::titleId).doesNotContain("space-2", "space-1");
		assertThat(picks.get(0).titleId()).isEqualTo("film");
		assertThat(picks.get(0).kind()).isEqualTo(Reason.Kind.BECAUSE_YOU_WATCHED);
		assertThat(picks.get(0).watched()).isEqualTo("space-1");
	}

	@Test
	void givesAProfileWithoutHistoryTrendingAndGenrePicks() {
		for (int i = 0; i < 6; i++) {
			this.topology.watch("fan-" + i, "space-1", T0.plusSeconds(i), 600_000);
		}
		for (int i = 0; i < 3; i++) {
			this.topology.watch("old-" + i, "space-2", T0.minus(Duration.ofHours(5)).plusSeconds(i), 600_000);
		}
		this.topology.watch("fan-0", "cooking", T0.plusSeconds(50), 600_000);

		List<Recommender.Pick> picks = recommend("newcomer");
		// Taking turns: trending now, and the popular titles of the genre trending now
		// (space-1 is both, and counts once).
		assertThat(picks).extracting(Recommender.Pick::titleId).containsExactly("space-1", "cooking", "space-2");
		assertThat(picks).extracting(Recommender.Pick::kind)
			.containsExactly(Reason.Kind.TRENDING, Reason.Kind.TRENDING, Reason.Kind.POPULAR_IN_GENRE);
		assertThat(picks.get(2).genre()).isEqualTo("sci-fi");
	}

	@Test
	void skipsRecordsThatAreNotProfilePlayback() {
		this.topology.raw("dev-1", "not json");
		this.topology.raw("dev-1", """
				{"eventId": "e1", "type": "click", "timestamp": "2026-03-01T20:00:00Z", "deviceId": "dev-1",
				 "profileId": "p1"}""");
		this.topology.watch("p1", "film", T0, 600_000);
		assertThat(this.topology.history("p1").titles()).hasSize(1);
	}

	/** The blend the API answers with, on this topology's stores. */
	private List<Recommender.Pick> recommend(String profileId) {
		TitleQueries queries = this.topology.titleQueries(TestTopology.TITLES, Clock.fixed(T0, ZoneOffset.UTC));
		Recommender recommender = new Recommender(TestTopology.RECOMMEND);
		ProfileHistory history = this.topology.history(profileId);
		List<Ranked> trending = queries.trending(Scopes.ALL, 50);
		List<String> genres = recommender.favouriteGenres(history, trending,
				(titleId) -> this.topology.stores().store("catalog-titles").get(titleId).contains("sci-fi")
						? List.of("sci-fi") : List.of("other"));
		Map<String, List<Ranked>> similar = new LinkedHashMap<>();
		recommender.recentWatches(history).forEach((titleId) -> similar.put(titleId, queries.similar(titleId, 50)));
		Map<String, List<Ranked>> popular = new LinkedHashMap<>();
		genres.forEach((genre) -> popular.put(genre, queries.popular(Scopes.genre(genre), 50)));
		return recommender.recommend(history, new Candidates(similar, trending, popular), genres, 10);
	}

}
