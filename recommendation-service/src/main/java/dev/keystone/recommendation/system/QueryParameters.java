package dev.keystone.recommendation.system;

import java.util.regex.Pattern;

import dev.keystone.events.http.BadParameterException;

/**
 * The checks of the API's parameters, each failing with the parameter's name.
 */
public final class QueryParameters {

	public static final int MAX_LIMIT = 100;

	private static final int MAX_ID_LENGTH = 128;

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");

	private QueryParameters() {
	}

	public static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new BadParameterException("limit", "limit must be between 1 and " + MAX_LIMIT);
		}
		return limit;
	}

	public static String profileId(String profileId) {
		return id("profileId", profileId);
	}

	public static String titleId(String titleId) {
		return id("titleId", titleId);
	}

	public static String country(String country) {
		if (!COUNTRY.matcher(country).matches()) {
			throw new BadParameterException("country", "country must be an ISO 3166-1 alpha-2 code, such as DE");
		}
		return country;
	}

	public static String genre(String genre) {
		if (genre.isBlank() || genre.length() > 64 || genre.indexOf('|') >= 0) {
			throw new BadParameterException("genre", "genre must be 1 to 64 characters, without '|'");
		}
		return genre.trim();
	}

	private static String id(String name, String value) {
		if (value.isBlank() || value.length() > MAX_ID_LENGTH) {
			throw new BadParameterException(name, name + " must be 1 to " + MAX_ID_LENGTH + " characters");
		}
		return value;
	}

}
