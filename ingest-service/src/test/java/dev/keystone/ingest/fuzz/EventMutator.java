package dev.keystone.ingest.fuzz;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Valid device events, and events with one to a few fields broken the way clients break
 * them: missing, of the wrong JSON type, too long, out of range, oddly encoded text,
 * unknown fields, deep nesting.
 */
final class EventMutator {

	static final List<String> FIELDS = List.of("eventId", "type", "timestamp", "deviceId", "deviceType", "profileId",
			"sessionId", "titleId", "positionMs", "country", "appVersion", "properties", "name");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] PLAYBACK = { "play_start", "play_pause", "play_resume", "play_stop", "heartbeat",
			"seek", "buffering_start", "buffering_end", "playback_error" };

	private static final String[] OTHER = { "app_start", "app_stop", "click", "scroll", "search", "crash" };

	private static final String[] DEVICE_TYPES = { "tv", "phone", "tablet", "browser", "console", "set_top_box",
			"other" };

	/** Text that trips up encoders, trimming and length checks. */
	private static final String[] ODD_TEXT = { "", " ", "\t\n", "\u0000", "a\u0000b", "\u007f", "\ud800", "\udfff",
			"\ud83d\ude00", "\ud83d", "é", "e\u0301", "\u202e", "\ufeff", "\uffff", "\\", "\"", "</script>",
			"${jndi:ldap://x}", "%00", "a b", "💥".repeat(40), "x".repeat(64), "x".repeat(65), "x".repeat(128),
			"x".repeat(129), "y".repeat(20_000) };

	private static final long MAX_EPOCH_MILLIS = 253_402_300_799_999L;

	private static final Object[] ODD_TIMESTAMPS = { -1L, 0L, 1L, MAX_EPOCH_MILLIS, MAX_EPOCH_MILLIS + 1,
			Long.MAX_VALUE, Long.MIN_VALUE, "2025-01-31T20:15:00Z", "2025-01-31T20:15:00+14:00",
			"2025-01-31T20:15:00-18:00", "2025-01-31T20:15:00+25:00", "2025-01-31T20:15:00", "2025-02-30T00:00:00Z",
			"+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
			"2025-01-31T20:15:00.123456789123Z", " 2025-01-31T20:15:00Z ", "2025-01-31", "now", "", "1738354500000" };

	private final Random random;

	EventMutator(Random random) {
		this.random = random;
	}

	ObjectNode valid(Instant now) {
		ObjectNode event = NODES.objectNode();
		boolean playback = this.random.nextInt(3) > 0;
		boolean custom = !playback && this.random.nextInt(4) == 0;
		if (this.random.nextBoolean()) {
			event.put("eventId", "fz-" + Long.toHexString(this.random.nextLong()));
		}
		event.put("type", playback ? pick(PLAYBACK) : (custom ? "custom" : pick(OTHER)));
		Instant at = now.minusMillis(this.random.nextInt(600_000));
		if (this.random.nextBoolean()) {
			event.put("timestamp", at.toString());
		}
		else {
			event.put("timestamp", at.toEpochMilli());
		}
		event.put("deviceId", "fz-device-" + this.random.nextInt(1_000));
		if (this.random.nextBoolean()) {
			event.put("deviceType", pick(DEVICE_TYPES));
		}
		if (playback || this.random.nextInt(4) == 0) {
			event.put("sessionId", "fz-session-" + this.random.nextInt(10_000));
			event.put("titleId", "fz-title-" + this.random.nextInt(50));
		}
		if (custom) {
			event.put("name", "Fuzz " + this.random.nextInt(100));
		}
		if (this.random.nextBoolean()) {
			event.put("profileId", "p-" + this.random.nextInt(500));
		}
		if (this.random.nextBoolean()) {
			event.put("positionMs", (long) this.random.nextInt(7_200_000));
		}
		if (this.random.nextBoolean()) {
			event.put("country", pick(new String[] { "DE", "US", "br", "Jp" }));
		}
		if (this.random.nextBoolean()) {
			event.put("appVersion", "7." + this.random.nextInt(20) + ".0");
		}
		if (this.random.nextBoolean()) {
			ObjectNode properties = event.putObject("properties");
			properties.put("cdn", "edge-" + this.random.nextInt(9));
			properties.putArray("tags").add("a").add(1).add(true);
			properties.putObject("nested").put("depth", 2);
		}
		return event;
	}

	/**
	 * One to three random breakages of the event, which may or may not leave it valid.
	 */
	ObjectNode mutate(ObjectNode event) {
		int times = 1 + this.random.nextInt(3);
		for (int i = 0; i < times; i++) {
			String field = (this.random.nextInt(5) == 0) ? "x-" + this.random.nextInt(3) : pick(FIELDS);
			switch (this.random.nextInt(7)) {
				case 0 -> event.remove(field);
				case 1 -> event.set(field, anyValue(0));
				case 2 -> event.put(field, pick(ODD_TEXT));
				case 3 -> event.set("timestamp", timestamp());
				case 4 -> event.set(field, number());
				case 5 -> event.set("properties", nested(this.random.nextInt(45)));
				default -> event.putNull(field);
			}
		}
		return event;
	}

	private JsonNode timestamp() {
		Object value = ODD_TIMESTAMPS[this.random.nextInt(ODD_TIMESTAMPS.length)];
		return (value instanceof Long millis) ? NODES.numberNode(millis) : NODES.textNode((String) value);
	}

	private JsonNode number() {
		return switch (this.random.nextInt(8)) {
			case 0 -> NODES.numberNode(-this.random.nextInt(1000));
			case 1 -> NODES.numberNode(this.random.nextDouble() * 1e6);
			case 2 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + this.random.nextInt(60))));
			case 3 -> NODES.numberNode(new java.math.BigDecimal("1e" + this.random.nextInt(400)));
			case 4 -> NODES.numberNode(Long.MAX_VALUE);
			case 5 -> NODES.numberNode(Long.MIN_VALUE);
			case 6 -> NODES.numberNode(-0.0);
			default -> NODES.numberNode(this.random.nextLong());
		};
	}

	private JsonNode anyValue(int depth) {
		return switch (this.random.nextInt((depth > 2) ? 5 : 7)) {
			case 0 -> NODES.textNode(pick(ODD_TEXT));
			case 1 -> number();
			case 2 -> NODES.booleanNode(this.random.nextBoolean());
			case 3 -> NODES.nullNode();
			case 4 -> NODES.textNode("v" + this.random.nextInt(100));
			case 5 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					array.add(anyValue(depth + 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				for (int i = this.random.nextInt(4); i > 0; i--) {
					object.set(this.random.nextBoolean() ? pick(ODD_TEXT) : "k" + i, anyValue(depth + 1));
				}
				yield object;
			}
		};
	}

	/** Objects and arrays nested {@code depth} deep, around the parser's limit of 32. */
	private JsonNode nested(int depth) {
		JsonNode inner = NODES.textNode("core");
		for (int i = 0; i < depth; i++) {
			if (this.random.nextBoolean()) {
				ObjectNode object = NODES.objectNode();
				object.set("n", inner);
				inner = object;
			}
			else {
				inner = NODES.arrayNode().add(inner);
			}
		}
		if (inner.isObject()) {
			return inner;
		}
		ObjectNode wrapper = NODES.objectNode();
		wrapper.set("n", inner);
		return wrapper;
	}

	List<ObjectNode> batch(Instant now, int size, double mutationShare) {
		List<ObjectNode> events = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			ObjectNode event = valid(now);
			events.add((this.random.nextDouble() < mutationShare) ? mutate(event) : event);
		}
		return events;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

}
