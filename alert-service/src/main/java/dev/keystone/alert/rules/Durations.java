package dev.keystone.alert.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as operators write them in rules: {@code 30s}, {@code 5m}, {@code 4h},
 * {@code 1d}, {@code 500ms}, or ISO-8601 ({@code PT5M}).
 */
public final class Durations {

	private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

	private Durations() {
	}

	/** The duration, or {@code null} if the text is none of the accepted forms. */
	public static Duration parse(String text) {
		if (text == null) {
			return null;
		}
		Matcher short_ = SHORT.matcher(text.trim());
		if (short_.matches()) {
			long amount = Long.parseLong(short_.group(1));
			return switch (short_.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
