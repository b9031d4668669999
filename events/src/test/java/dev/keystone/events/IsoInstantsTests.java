package dev.keystone.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTests {

	@ParameterizedTest
	@ValueSource(strings = { "2025-01-31T20:15:00Z", "2025-01-31T20:15:00.1Z", "2025-01-31T20:15:00.123Z",
			"2025-01-31T20:15:00.123456789Z", "2025-01-31T22:15:00+02:00", "2025-01-31T15:45:00.5-04:30",
			"2024-02-29T23:59:59.999+18:00", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00-18:00",
			" 2025-01-31T20:15:00Z ", "2025-01-31t20:15:00z", "2025-01-31T20:15Z", "2025-01-31T20:15:00+0200" })
	void readsWhatTheIsoFormatterReads(String text) {
		assertThat(IsoInstants.parse(text)).isEqualTo(formatter(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2025-02-29T20:15:00Z", "2025-13-01T00:00:00Z", "2025-01-31T24:00:00Z",
			"2025-01-31T20:60:00Z", "2025-01-31T20:15:60Z", "2025-01-31T20:15:00", "2025-01-31T20:15:00.1234567890Z",
			"2025-01-31T20:15:00+18:30", "2025-01-31T20:15:00+19:00", "2025-01-31 20:15:00Z", "yesterday",
			"2025-1-31T20:15:00Z", "" })
	void refusesWhatTheIsoFormatterRefuses(String text) {
		assertThat(formatter(text)).isNull();
		assertThat(IsoInstants.parse(text)).isNull();
	}

	@Test
	void agreesWithTheFormatterOnRandomInstantsAndOffsets() {
		Random random = new Random(7);
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
					random.nextInt(1_000_000_000));
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 60, 18 * 60 + 1) * 60);
			String text = instant.atOffset(offset).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			assertThat(IsoInstants.fastParse(text)).as(text).isEqualTo(formatter(text));
		}
	}

	private static Instant formatter(String text) {
		try {
			return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
