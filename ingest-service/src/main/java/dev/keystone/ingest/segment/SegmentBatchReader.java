package dev.keystone.ingest.segment;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.keystone.events.IsoInstants;
import dev.keystone.ingest.events.IngestRejection;
import dev.keystone.ingest.system.JsonErrors;

/**
 * Reads the body of {@code POST /v1/batch} in one pass: each message as a tree together
 * with the size of its text, so the per-message limit costs nothing, and the batch's
 * {@code sentAt} once for all messages, wherever it stands in the body.
 */
final class SegmentBatchReader {

	private static final String NOT_A_BATCH = "the body must be an object with a \"batch\" array of messages";

	private final ObjectMapper mapper;

	/** Reads one message out of the running parser, which goes on after it. */
	private final ObjectReader messageReader;

	SegmentBatchReader(ObjectMapper mapper) {
		this.mapper = mapper;
		this.messageReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	SegmentBatch read(byte[] body) {
		try (JsonParser parser = this.mapper.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw IngestRejection.malformed(NOT_A_BATCH);
			}
			List<SegmentBatch.Message> messages = null;
			Instant sentAt = null;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if (field.equals("batch")) {
					if (value != JsonToken.START_ARRAY) {
						throw IngestRejection.malformed(NOT_A_BATCH);
					}
					messages = messages(parser);
				}
				else if (field.equals("sentAt")) {
					sentAt = sentAt(parser, value);
				}
				else {
					parser.skipChildren();
				}
			}
			if (parser.nextToken() != null) {
				throw IngestRejection.malformed("unexpected content after the batch object");
			}
			if (messages == null) {
				throw IngestRejection.malformed(NOT_A_BATCH);
			}
			if (messages.isEmpty()) {
				throw IngestRejection.malformed("\"batch\" holds no message");
			}
			return new SegmentBatch(messages, sentAt, body.length);
		}
		catch (IOException ex) {
			throw IngestRejection.malformed(JsonErrors.describe(ex));
		}
	}

	private List<SegmentBatch.Message> messages(JsonParser parser) throws IOException {
		List<SegmentBatch.Message> messages = new ArrayList<>();
		while (parser.nextToken() != JsonToken.END_ARRAY) {
			long start = parser.currentTokenLocation().getByteOffset();
			JsonNode message = this.messageReader.readValue(parser);
			long end = parser.currentLocation().getByteOffset();
			messages.add(new SegmentBatch.Message(message, end - start));
		}
		return messages;
	}

	/**
	 * One clock for the whole batch: a {@code sentAt} that cannot be read refuses the
	 * batch, since no message's time could be corrected with it.
	 */
	private static Instant sentAt(JsonParser parser, JsonToken value) throws IOException {
		if (value == JsonToken.VALUE_NULL) {
			return null;
		}
		if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			return Instant.ofEpochMilli(parser.getLongValue());
		}
		Instant sentAt = (value == JsonToken.VALUE_STRING) ? IsoInstants.parse(parser.getText()) : null;
		if (sentAt == null) {
			parser.skipChildren();
			throw IngestRejection
				.malformed("\"sentAt\" must be an ISO-8601 date-time with offset, such as 2025-01-31T20:15:00.000Z");
		}
		return sentAt;
	}

}
