package dev.keystone.ingest.system;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a parser failure into one line a client can act on: what is wrong and where,
 * without the parser's internals.
 */
public final class JsonErrors {

	/**
	 * The parser names the method holding a limit ("from
	 * `StreamReadConstraints.getMaxNestingDepth()`"); the client needs only the limit.
	 */
	private static final Pattern LIMIT_SOURCE = Pattern.compile(", from `[^`]*`");

	private JsonErrors() {
	}

	public static String describe(Throwable error) {
		if (error instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'";
		}
		if (error instanceof MismatchedInputException mismatch
				&& mismatch.getOriginalMessage().startsWith("Trailing token")) {
			return "unexpected content after the first JSON value; send one event object, one array, or NDJSON"
					+ where(mismatch);
		}
		if (error instanceof JsonProcessingException json) {
			return firstLine(json.getOriginalMessage()) + where(json);
		}
		return "the body is not valid JSON";
	}

	private static String where(JsonProcessingException error) {
		JsonLocation location = error.getLocation();
		if (location == null || location.getLineNr() <= 0) {
			return "";
		}
		return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "malformed JSON";
		}
		int newline = message.indexOf('\n');
		String line = (newline < 0) ? message : message.substring(0, newline);
		return LIMIT_SOURCE.matcher(line).replaceAll("");
	}

}
