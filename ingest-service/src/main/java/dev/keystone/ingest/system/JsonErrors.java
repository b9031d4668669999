package dev.keystone.ingest.system;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns a parser failure into one line a client can act on: what is wrong and where,
 * without the parser's internals.
 */
public final class JsonErrors {

	private JsonErrors() {
	}

	public static String describe(Throwable error) {
		if (error instanceof UnrecognizedPropertyException unknown) {
			return "unknown field '" + unknown.getPropertyName() + "'";
		}
		if (error instanceof JsonProcessingException json) {
			String message = firstLine(json.getOriginalMessage());
			JsonLocation location = json.getLocation();
			if (location != null && location.getLineNr() > 0) {
				return message + " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
			}
			return message;
		}
		return "the body is not valid JSON";
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "malformed JSON";
		}
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
