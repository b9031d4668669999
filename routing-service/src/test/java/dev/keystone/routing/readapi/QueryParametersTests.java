package dev.keystone.routing.readapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.keystone.events.Window;
import dev.keystone.events.http.BadParameterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTests {

	static final Instant NOW = Instant.parse("2025-01-31T20:15:03Z");

	final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void readsAnInstantWithAnyOffsetAsUtc() {
		assertThat(QueryParameters.instant("from", "2025-01-31T21:15:00+01:00", null))
			.isEqualTo(Instant.parse("2025-01-31T20:15:00Z"));
		assertThat(QueryParameters.instant("from", " 2025-01-31T20:15:00Z ", null))
			.isEqualTo(Instant.parse("2025-01-31T20:15:00Z"));
	}

	@Test
	void fallsBackWhenTheInstantIsAbsent() {
		assertThat(QueryParameters.instant("to", null, NOW)).isEqualTo(NOW);
		assertThat(QueryParameters.instant("to", "  ", NOW)).isEqualTo(NOW);
	}

	@Test
	void namesAnInstantItCannotRead() {
		assertBad(() -> QueryParameters.instant("to", "2025-01-31", null), "to",
				"to must be an ISO-8601 instant such as 2025-01-31T20:15:00Z");
	}

	@Test
	void defaultsTheRangeToTheSpanBeforeNow() {
		assertThat(QueryParameters.range(null, null, Duration.ofMinutes(15), this.clock))
			.containsExactly(NOW.minusSeconds(900), NOW);
		assertThat(QueryParameters.range(null, "2025-01-31T20:00:00Z", Duration.ofMinutes(15), this.clock))
			.containsExactly(Instant.parse("2025-01-31T19:45:00Z"), Instant.parse("2025-01-31T20:00:00Z"));
	}

	@Test
	void refusesARangeThatEndsBeforeItStarts() {
		assertBad(() -> QueryParameters.range("2025-01-31T20:15:00Z", "2025-01-31T20:14:59Z", Duration.ofMinutes(15),
				this.clock), "from", "from must not be after to");
	}

	@Test
	void readsTheWindowLabelsAndNothingElse() {
		assertThat(QueryParameters.window("window", "10s")).isEqualTo(Window.TEN_SECONDS);
		assertThat(QueryParameters.window("window", "1m")).isEqualTo(Window.ONE_MINUTE);
		assertBad(() -> QueryParameters.window("window", "5m"), "window", "window must be one of [10s, 1m]");
		assertBad(() -> QueryParameters.window("window", "60s"), "window", "window must be one of [10s, 1m]");
	}

	@Test
	void listsTheAllowedValuesSorted() {
		assertThat(QueryParameters.oneOf("groupBy", "type", Set.of("type", "country"))).isEqualTo("type");
		assertBad(() -> QueryParameters.oneOf("groupBy", "titleId", Set.of("type", "country", "deviceType")), "groupBy",
				"groupBy must be one of [country, deviceType, type]");
	}

	@Test
	void keepsNumbersWithinTheirBounds() {
		assertThat(QueryParameters.bounded("limit", 1, 1, 100)).isEqualTo(1);
		assertThat(QueryParameters.bounded("limit", 100, 1, 100)).isEqualTo(100);
		assertBad(() -> QueryParameters.bounded("limit", 101, 1, 100), "limit", "limit must be between 1 and 100");
	}

	private static void assertBad(Runnable parse, String parameter, String message) {
		assertThatThrownBy(parse::run).isInstanceOfSatisfying(BadParameterException.class, (ex) -> {
			assertThat(ex.parameter()).isEqualTo(parameter);
			assertThat(ex.getMessage()).isEqualTo(message);
		});
	}

}
