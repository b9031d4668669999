package dev.keystone.gateway.browser;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Finds the {@code writeKey} that Segment's browser SDK puts at the top level of each
 * body it sends. Only the key is read; the body itself is ingest's to check.
 */
final class WriteKeys {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	private WriteKeys() {
	}

	static Optional<String> read(byte[] body) {
		try (JsonParser parser = JSON.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Optional.empty();
			}
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				boolean writeKey = parser.currentName().equals("writeKey");
				JsonToken value = parser.nextToken();
				if (writeKey) {
					return (value == JsonToken.VALUE_STRING)
							? Optional.of(parser.getText().trim()).filter((key) -> !key.isEmpty()) : Optional.empty();
				}
				parser.skipChildren();
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			// Ingest names what is wrong with the body once the key has been checked.
			return Optional.empty();
		}
	}

}
