package dev.keystone.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks one event against every rule of the contract and normalises it (enum case,
 * trimmed strings, UTC instants, upper-case country). Reports every problem it finds
 * rather than stopping at the first, so a device developer fixes a payload in one round
 * trip.
 */
public final class EventValidator {

	public static final int MAX_EVENT_BYTES = 16 * 1024;

	public static final int MAX_PROPERTIES_BYTES = 8 * 1024;

	/**
	 * Epoch milliseconds of 9999-12-31T23:59:59.999Z, the largest instant an ISO-8601
	 * year can spell.
	 */
	private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> DEVICE_FIELDS = Set.of("eventId", "type", "timestamp", "deviceId", "deviceType",
			"profileId", "sessionId", "titleId", "positionMs", "country", "appVersion", "properties", "name");

	private static final Set<String> INGEST_FIELDS = Set.of("receivedAt", "ingestId");

	private static final TypeReference<Map<String, Object>> PROPERTIES_TYPE = new TypeReference<>() {
	};

	private final ObjectMapper mapper;

	private final boolean acceptIngestFields;

	private EventValidator(ObjectMapper mapper, boolean acceptIngestFields) {
		this.mapper = mapper;
		this.acceptIngestFields = acceptIngestFields;
	}

	/** For events as devices send them: the ingest stamps are not theirs to set. */
	public static EventValidator forDevices(ObjectMapper mapper) {
		return new EventValidator(mapper, false);
	}

	/** For events read back from {@code events.raw}, which carry the ingest stamps. */
	public static EventValidator forPipeline(ObjectMapper mapper) {
		return new EventValidator(mapper, true);
	}

	public ValidationResult validate(JsonNode node) {
		if (node == null || !node.isObject()) {
			return new ValidationResult(null, List.of(new Problem("", "an event must be a JSON object")));
		}
		Fields fields = new Fields(node);
		checkKnownFields(node, fields.problems);
		checkSize(node, fields.problems);
		String eventId = fields.text("eventId", 64, false);
		if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
			fields.problem("eventId", "must be 1-64 characters of letters, digits and . _ : -");
		}
		EventType type = fields.enumValue("type", EventType::fromWire, EventType.values(), true);
		Instant timestamp = fields.instant("timestamp", true);
		String deviceId = fields.text("deviceId", 128, true);
		DeviceType deviceType = fields.enumValue("deviceType", DeviceType::fromWire, DeviceType.values(), false);
		String profileId = fields.text("profileId", 128, false);
		boolean playback = type != null && type.isPlayback();
		String sessionId = fields.text("sessionId", 128, false);
		String titleId = fields.text("titleId", 128, false);
		if (playback) {
			requireForPlayback(fields, "sessionId", sessionId, type);
			requireForPlayback(fields, "titleId", titleId, type);
		}
		String name = name(fields, type);
		Long positionMs = fields.nonNegativeLong("positionMs");
		String country = country(fields);
		String appVersion = fields.text("appVersion", 64, false);
		Map<String, Object> properties = properties(fields);
		Instant receivedAt = this.acceptIngestFields ? fields.instant("receivedAt", false) : null;
		String ingestId = this.acceptIngestFields ? fields.text("ingestId", 128, false) : null;
		if (!fields.problems.isEmpty()) {
			return new ValidationResult(null, fields.problems);
		}
		Event event = new Event(eventId, type, timestamp, deviceId,
				(deviceType != null) ? deviceType : DeviceType.OTHER, profileId, sessionId, titleId, positionMs,
				country, appVersion, properties, receivedAt, ingestId, name);
		return new ValidationResult(event, List.of());
	}

	private void checkKnownFields(JsonNode node, List<Problem> problems) {
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			boolean known = DEVICE_FIELDS.contains(name) || (this.acceptIngestFields && INGEST_FIELDS.contains(name));
			if (!known) {
				problems.add(new Problem(name, "unknown field"));
			}
		}
	}

	private void checkSize(JsonNode node, List<Problem> problems) {
		int bytes = serializedSize(node);
		if (bytes > MAX_EVENT_BYTES) {
			problems.add(new Problem("", "event is " + bytes + " bytes; at most " + MAX_EVENT_BYTES + " allowed"));
		}
	}

	private static void requireForPlayback(Fields fields, String field, String value, EventType type) {
		if (value == null && !fields.hasProblem(field)) {
			fields.problem(field, "required for type " + type.wireName());
		}
	}

	/**
	 * Only a custom event is the client's own to name; on a built-in type a name would be
	 * a second, conflicting type.
	 */
	private static String name(Fields fields, EventType type) {
		if (type == EventType.CUSTOM) {
			return fields.text("name", 128, true);
		}
		if (fields.present("name") != null && type != null) {
			fields.problem("name", "only allowed for type custom");
		}
		return null;
	}

	private static String country(Fields fields) {
		String country = fields.text("country", 2, false);
		if (country == null) {
			return null;
		}
		String upper = country.toUpperCase(Locale.ROOT);
		if (!COUNTRIES.contains(upper)) {
			fields.problem("country", "must be an ISO 3166-1 alpha-2 code, such as US or DE");
			return null;
		}
		return upper;
	}

	private Map<String, Object> properties(Fields fields) {
		JsonNode value = fields.present("properties");
		if (value == null) {
			return null;
		}
		if (!value.isObject()) {
			fields.problem("properties", "must be a JSON object");
			return null;
		}
		int bytes = serializedSize(value);
		if (bytes > MAX_PROPERTIES_BYTES) {
			fields.problem("properties", "is " + bytes + " bytes; at most " + MAX_PROPERTIES_BYTES + " allowed");
			return null;
		}
		return this.mapper.convertValue(value, PROPERTIES_TYPE);
	}

	private int serializedSize(JsonNode node) {
		try {
			return this.mapper.writeValueAsString(node).getBytes(StandardCharsets.UTF_8).length;
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a parsed JSON tree always serialises", ex);
		}
	}

	/**
	 * Typed access to the fields of one event that records a problem instead of failing.
	 */
	private static final class Fields {

		private final JsonNode node;

		private final List<Problem> problems = new ArrayList<>();

		Fields(JsonNode node) {
			this.node = node;
		}

		void problem(String field, String message) {
			this.problems.add(new Problem(field, message));
		}

		boolean hasProblem(String field) {
			return this.problems.stream().anyMatch((problem) -> problem.field().equals(field));
		}

		/**
		 * An explicit null counts as absent: devices often serialise unset optionals that
		 * way.
		 */
		JsonNode present(String field) {
			JsonNode value = this.node.get(field);
			return (value == null || value.isNull()) ? null : value;
		}

		String text(String field, int maxLength, boolean required) {
			JsonNode value = present(field);
			if (value == null) {
				if (required) {
					problem(field, "required");
				}
				return null;
			}
			if (!value.isTextual()) {
				problem(field, "must be a string");
				return null;
			}
			String text = value.textValue().trim();
			if (text.isEmpty()) {
				problem(field, required ? "required; must not be blank" : "must not be blank");
				return null;
			}
			if (text.length() > maxLength) {
				problem(field, "must be at most " + maxLength + " characters");
				return null;
			}
			if (hasUnpairedSurrogate(text)) {
				problem(field, "must be valid Unicode text; an unpaired surrogate (\\ud800-\\udfff) has no UTF-8 form");
				return null;
			}
			return text;
		}

		/**
		 * JSON can escape half a surrogate pair, which no UTF-8 text holds: as the record
		 * key it would become "?" and no longer name the device.
		 */
		private static boolean hasUnpairedSurrogate(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else if (Character.isSurrogate(c)) {
					return true;
				}
			}
			return false;
		}

		<E extends Enum<E>> E enumValue(String field, Function<String, Optional<E>> parse, E[] allowed,
				boolean required) {
			String text = text(field, 64, required);
			if (text == null) {
				return null;
			}
			Optional<E> parsed = parse.apply(text);
			if (parsed.isEmpty()) {
				problem(field, "must be one of " + wireNames(allowed));
			}
			return parsed.orElse(null);
		}

		private static String wireNames(Enum<?>[] values) {
			List<String> names = new ArrayList<>();
			for (Enum<?> value : values) {
				names.add(value.name().toLowerCase(Locale.ROOT));
			}
			return String.join(", ", names);
		}

		Instant instant(String field, boolean required) {
			JsonNode value = present(field);
			if (value == null) {
				if (required) {
					problem(field, "required");
				}
				return null;
			}
			if (value.isIntegralNumber()) {
				if (!value.canConvertToLong() || value.longValue() < 0 || value.longValue() > MAX_EPOCH_MILLIS) {
					problem(field, "epoch milliseconds out of range");
					return null;
				}
				return Instant.ofEpochMilli(value.longValue());
			}
			if (value.isTextual()) {
				try {
					return OffsetDateTime.parse(value.textValue().trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
						.toInstant();
				}
				catch (DateTimeParseException ex) {
					problem(field, "must be an ISO-8601 instant with offset, such as 2025-01-31T20:15:00Z");
					return null;
				}
			}
			problem(field, "must be an ISO-8601 instant string or epoch milliseconds");
			return null;
		}

		Long nonNegativeLong(String field) {
			JsonNode value = present(field);
			if (value == null) {
				return null;
			}
			if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
				problem(field, "must be a whole number of milliseconds >= 0");
				return null;
			}
			return value.longValue();
		}

	}

}
