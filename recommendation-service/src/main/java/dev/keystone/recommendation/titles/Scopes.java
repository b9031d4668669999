package dev.keystone.recommendation.titles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rankings a start counts in, and the keys of the {@code trending} store:
 * {@code scope|titleId}.
 */
public final class Scopes {

	public static final String ALL = "all";

	private static final char SEPARATOR = '|';

	private Scopes() {
	}

	public static String genre(String genre) {
		return "genre:" + genre.toLowerCase(Locale.ROOT);
	}

	public static String country(String country) {
		return "country:" + country.toUpperCase(Locale.ROOT);
	}

	static List<String> of(List<String> genres, String country) {
		List<String> scopes = new ArrayList<>();
		scopes.add(ALL);
		genres.forEach((genre) -> scopes.add(genre(genre)));
		if (country != null) {
			scopes.add(country(country));
		}
		return scopes;
	}

	static String key(String scope, String titleId) {
		return scope + SEPARATOR + titleId;
	}

	static String prefix(String scope) {
		return scope + SEPARATOR;
	}

	static String titleOf(String key) {
		return key.substring(key.indexOf(SEPARATOR) + 1);
	}

}
