package dev.keystone.routing.readapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

import dev.keystone.events.Window;
import dev.keystone.events.http.BadParameterException;

/**
 * Parses the read API's shared parameters, failing with the parameter's name and what
 * would be accepted.
 */
public final class QueryParameters {

	private QueryParameters() {
	}

	public static Instant instant(String name, String value, Instant fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return OffsetDateTime.parse(value.trim()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(name, name + " must be an ISO-8601 instant such as 2025-01-31T20:15:00Z");
		}
	}

	/**
	 * {@code from} and {@code to}, defaulting to the given span before now; from must not
	 * be after to.
	 */
	public static Instant[] range(String from, String to, Duration defaultSpan, Clock clock) {
		Instant end = instant("to", to, clock.instant());
		Instant start = instant("from", from, end.minus(defaultSpan));
		if (start.isAfter(end)) {
			throw new BadParameterException("from", "from must not be after to");
		}
		return new Instant[] { start, end };
	}

	/**
	 * A window label as {@code viewers.counts} and the contract name them; any other
	 * label is a bad parameter, never a guess at the size.
	 */
	public static Window window(String name, String value) {
		return Window.ofLabel(value)
			.orElseThrow(() -> new BadParameterException(name, name + " must be one of " + Window.labels()));
	}

	public static String oneOf(String name, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw new BadParameterException(name, name + " must be one of " + allowed.stream().sorted().toList());
		}
		return value;
	}

	public static int bounded(String name, int value, int min, int max) {
		if (value < min || value > max) {
			throw new BadParameterException(name, name + " must be between " + min + " and " + max);
		}
		return value;
	}

}
