package dev.keystone.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the ISO-8601 date-times that SDKs send and the pipeline writes
 * ({@code 2025-01-31T20:15:00.123Z}, {@code 2025-01-31T22:15:00+02:00}). Ingest maps two
 * per message and the archive three per event, and the JDK's formatters cost more than
 * the rest of either, so the usual shapes are read by hand; anything else goes to the
 * formatter, which also decides what is invalid.
 */
public final class IsoInstants {

	private IsoInstants() {
	}

	/** The instant, or null when the text is not an ISO-8601 date-time with offset. */
	public static Instant parse(String text) {
		Instant fast = fastParse(text);
		if (fast != null) {
			return fast;
		}
		try {
			return OffsetDateTime.parse(text.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of up to nine digits, then
	 * {@code Z} or {@code ±HH:mm}; null for any other shape or an impossible date.
	 */
	public static Instant fastParse(String s) {
		int length = s.length();
		if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
				|| s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
				|| second > 59) {
			return null;
		}
		int position = 19;
		int nanos = 0;
		if (s.charAt(position) == '.') {
			int start = ++position;
			while (position < length && isDigit(s.charAt(position))) {
				position++;
			}
			int count = position - start;
			if (count == 0 || count > 9) {
				return null;
			}
			nanos = digits(s, start, count);
			for (int i = count; i < 9; i++) {
				nanos *= 10;
			}
		}
		int offsetSeconds = offsetSeconds(s, position);
		if (offsetSeconds == Integer.MIN_VALUE) {
			return null;
		}
		long epochDay;
		try {
			epochDay = LocalDate.of(year, month, day).toEpochDay();
		}
		catch (DateTimeException ex) {
			return null;
		}
		long epochSecond = epochDay * 86_400 + hour * 3_600L + minute * 60L + second - offsetSeconds;
		return Instant.ofEpochSecond(epochSecond, nanos);
	}

	private static int offsetSeconds(String s, int position) {
		int length = s.length();
		if (position == length - 1 && s.charAt(position) == 'Z') {
			return 0;
		}
		if (position != length - 6 || s.charAt(position + 3) != ':') {
			return Integer.MIN_VALUE;
		}
		char sign = s.charAt(position);
		int hours = digits(s, position + 1, 2);
		int minutes = digits(s, position + 4, 2);
		if ((sign != '+' && sign != '-') || hours < 0 || hours > 18 || minutes < 0 || minutes > 59
				|| (hours == 18 && minutes > 0)) {
			return Integer.MIN_VALUE;
		}
		int seconds = hours * 3_600 + minutes * 60;
		return (sign == '-') ? -seconds : seconds;
	}

	private static int digits(String s, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
