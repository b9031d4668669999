package dev.keystone.routing.archive;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IsoInstantTests {

	@Test
	void readsWhatInstantWritesAsInstantParseDoes() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 100_000; i++) {
			long seconds = random.nextLong(-62_135_596_800L, 253_402_300_799L);
			int nanos = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			String text = Instant.ofEpochSecond(seconds, nanos).toString();
			assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-12-08T02:20:55.1Z", "2026-12-08T02:20:55.12345Z", "2024-02-29T23:59:59.999999999Z",
			"2026-12-08T02:20:55+01:00", "2026-12-08T02:20:55.5-05:30", "+12026-01-01T00:00:00Z",
			"2026-12-08T24:00:00Z", "2026-12-08T02:20:55.Z", "2026-12-08T02:20:55z" })
	void readsOtherValidFormsAsInstantParseDoes(String text) {
		assertThat(IsoInstant.parse(text)).isEqualTo(Instant.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
			"2026-12-08T02:61:00Z", "2026-12-08T02:20:55.1234567890Z", "2026-12-08 02:20:55Z", "2026-12-08T02:2a:55Z",
			"yesterday-at-noonZZZ" })
	void rejectsWhatInstantParseRejects(String text) {
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> IsoInstant.parse(text));
	}

}
