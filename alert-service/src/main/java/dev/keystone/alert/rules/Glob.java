package dev.keystone.alert.rules;

import java.util.regex.Pattern;

/**
 * A matcher as operators write it: an exact value, or {@code *} for any run of characters
 * ({@code title:*}, {@code *}).
 */
public final class Glob {

	private static final Glob ANY = new Glob("*", null);

	private final String text;

	private final Pattern pattern;

	private Glob(String text, Pattern pattern) {
		this.text = text;
		this.pattern = pattern;
	}

	public static Glob of(String text) {
		if (text == null || text.equals("*")) {
			return ANY;
		}
		StringBuilder regex = new StringBuilder();
		for (String literal : text.split("\\*", -1)) {
			if (!regex.isEmpty()) {
				regex.append(".*");
			}
			regex.append(Pattern.quote(literal));
		}
		return new Glob(text, Pattern.compile(regex.toString(), Pattern.DOTALL));
	}

	public boolean matches(String value) {
		return this.pattern == null || (value != null && this.pattern.matcher(value).matches());
	}

	@Override
	public String toString() {
		return this.text;
	}

}
