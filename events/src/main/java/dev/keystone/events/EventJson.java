package dev.keystone.events;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of every record on a topic: ISO-8601 instants, strict about duplicate
 * keys and bounded in nesting and number size, so that a hostile payload fails fast
 * instead of costing memory.
 */
public final class EventJson {

	/**
	 * Deeper than any honest {@code properties} object; a guard against stack-exhausting
	 * input.
	 */
	public static final int MAX_NESTING_DEPTH = 32;

	public static final int MAX_NUMBER_LENGTH = 64;

	private EventJson() {
	}

	public static ObjectMapper newMapper() {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxNumberLength(MAX_NUMBER_LENGTH)
				.build())
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		return JsonMapper.builder(factory)
			.addModule(new JavaTimeModule())
			.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
			.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
	}

	/**
	 * Writes one of the project's own records, which always serialise: a failure here is
	 * a bug, not bad input.
	 */
	public static String write(ObjectMapper mapper, Object value) {
		return new String(writeBytes(mapper, value), StandardCharsets.UTF_8);
	}

	/**
	 * {@link #write} as UTF-8 bytes, the form a record takes on a topic.
	 */
	public static byte[] writeBytes(ObjectMapper mapper, Object value) {
		try {
			return mapper.writeValueAsBytes(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a " + value.getClass().getSimpleName() + " always serialises", ex);
		}
	}

}
