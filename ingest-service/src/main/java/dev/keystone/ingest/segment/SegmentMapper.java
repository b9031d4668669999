package dev.keystone.ingest.segment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.events.EventType;
import dev.keystone.events.IsoInstants;
import dev.keystone.events.Problem;
import dev.keystone.ingest.events.EventBatch;

/**
 * Turns one message of Segment's tracking API into a Keystone event (the README's "Send
 * from an existing SDK"). The result is checked by the same validator as native events;
 * problems found here name the message's own fields.
 */
final class SegmentMapper {

	/**
	 * Where each field of the event came from, so that a validation problem points at
	 * what the SDK sent.
	 */
	static final UnaryOperator<String> FIELD_NAMES = fieldNames(
			Map.of("eventId", "messageId", "profileId", "userId", "deviceId", "context.device.id", "sessionId",
					"properties.session_id", "titleId", "properties.content_asset_id", "positionMs",
					"properties.position", "appVersion", "context.app.version", "name", "event"));

	private static final Set<String> CALLS = Set.of("track", "page", "screen", "identify", "group", "alias");

	private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	/** The range of epoch milliseconds, in which the clock correction is done. */
	private static final Instant MIN_INSTANT = Instant.ofEpochMilli(Long.MIN_VALUE);

	private static final Instant MAX_INSTANT = Instant.ofEpochMilli(Long.MAX_VALUE);

	private SegmentMapper() {
	}

	/**
	 * @param index the message's place in the request
	 * @param message one call: a batch element, or the body of a single call
	 * @param impliedType the call type of a single-call path ({@code track} for
	 * {@code /v1/track}), null for batch elements, which name their own
	 * @param batchSentAt the batch's {@code sentAt}, used when a message has none; null
	 * when the batch has none either
	 * @param receivedAt when the request arrived
	 */
	static EventBatch.Item map(int index, JsonNode message, String impliedType, Instant batchSentAt,
			Instant receivedAt) {
		if (message == null || !message.isObject()) {
			return EventBatch.Item.refused(index, List.of(new Problem("", "each message must be a JSON object")));
		}
		List<Problem> problems = new ArrayList<>();
		String call = (impliedType != null) ? impliedType : text(message, "type");
		if (call == null) {
			problems.add(new Problem("type", "required; one of track, page, screen, identify, group, alias"));
			return EventBatch.Item.refused(index, problems);
		}
		call = call.toLowerCase(Locale.ROOT);
		if (!CALLS.contains(call)) {
			return EventBatch.Item.refused(index,
					List.of(new Problem("type", "must be one of track, page, screen, identify, group, alias")));
		}
		ObjectNode event = JSON.objectNode();
		putEventId(event, message);
		JsonNode properties = properties(call, message);
		putType(event, call, message, properties, problems);
		putIds(event, message, problems);
		putTimestamp(event, message, batchSentAt, receivedAt, problems);
		putContext(event, message.path("context"));
		if (properties != null) {
			event.set("properties", properties);
		}
		return problems.isEmpty() ? EventBatch.Item.parsed(index, event) : EventBatch.Item.refused(index, problems);
	}

	/**
	 * Identify, group and alias describe the user with traits, the others with
	 * properties.
	 */
	private static JsonNode properties(String call, JsonNode message) {
		String field = (call.equals("identify") || call.equals("group") || call.equals("alias")) ? "traits"
				: "properties";
		return message.hasNonNull(field) ? message.get(field) : null;
	}

	private static void putType(ObjectNode event, String call, JsonNode message, JsonNode properties,
			List<Problem> problems) {
		if (call.equals("track")) {
			String name = text(message, "event");
			if (name == null) {
				problems.add(new Problem("event", "required for track: the name of the event"));
				return;
			}
			Optional<EventType> playback = VideoSpec.playbackType(name);
			if (playback.isPresent()) {
				event.put("type", playback.get().wireName());
				putPlayback(event, properties, problems);
				return;
			}
			custom(event, name);
			return;
		}
		if (call.equals("page") || call.equals("screen")) {
			String name = text(message, "name");
			custom(event, (name != null) ? name : call);
			return;
		}
		custom(event, call);
	}

	private static void custom(ObjectNode event, String name) {
		event.put("type", EventType.CUSTOM.wireName());
		event.put("name", name);
	}

	/** Video Spec properties; playback events list their asset in an array. */
	private static void putPlayback(ObjectNode event, JsonNode properties, List<Problem> problems) {
		if (properties == null || !properties.isObject()) {
			return;
		}
		putScalar(event, "sessionId", properties.get("session_id"));
		JsonNode title = properties.get("content_asset_id");
		if (!isScalar(title)) {
			title = properties.get("asset_id");
		}
		if (!isScalar(title) && properties.path("content_asset_ids").isArray()) {
			title = properties.path("content_asset_ids").get(0);
		}
		putScalar(event, "titleId", title);
		JsonNode position = properties.get("position");
		if (position != null && !position.isNull()) {
			if (position.isNumber()) {
				event.put("positionMs", Math.round(position.doubleValue() * 1000));
			}
			else {
				problems.add(new Problem("properties.position", "must be a number of seconds"));
			}
		}
	}

	private static void putEventId(ObjectNode event, JsonNode message) {
		String messageId = text(message, "messageId");
		if (messageId != null && EVENT_ID.matcher(messageId).matches()) {
			event.put("eventId", messageId);
		}
		else {
			// A stable id for the same message, so a retried batch is still counted once.
			String basis = (messageId != null) ? messageId : message.toString();
			event.put("eventId", "sm-" + sha256(basis).substring(0, 40));
		}
	}

	private static void putIds(ObjectNode event, JsonNode message, List<Problem> problems) {
		String userId = text(message, "userId");
		String anonymousId = text(message, "anonymousId");
		if (userId == null && anonymousId == null) {
			problems.add(new Problem("anonymousId", "userId or anonymousId is required"));
			return;
		}
		event.put("profileId", (userId != null) ? userId : anonymousId);
		String deviceId = text(message.path("context").path("device"), "id");
		if (deviceId == null) {
			// A server-side call may know only the user, who then stands for the device.
			deviceId = (anonymousId != null) ? anonymousId : userId;
		}
		event.put("deviceId", deviceId);
	}

	/**
	 * Segment's correction for a device clock that is off: the event happened as long
	 * before the request arrived as the device said it happened before sending. Written
	 * as epoch milliseconds, the precision of the SDKs' clocks, which the validator reads
	 * without parsing text again.
	 */
	private static void putTimestamp(ObjectNode event, JsonNode message, Instant batchSentAt, Instant receivedAt,
			List<Problem> problems) {
		String field = message.hasNonNull("timestamp") ? "timestamp" : "originalTimestamp";
		Instant happened = instant(message.get(field), field, problems);
		Instant sentAt = message.hasNonNull("sentAt") ? instant(message.get("sentAt"), "sentAt", problems)
				: batchSentAt;
		long corrected;
		if (happened == null) {
			corrected = receivedAt.toEpochMilli();
		}
		else if (sentAt == null) {
			corrected = happened.toEpochMilli();
		}
		else {
			corrected = receivedAt.toEpochMilli() - (sentAt.toEpochMilli() - happened.toEpochMilli());
		}
		event.put("timestamp", corrected);
	}

	private static void putContext(ObjectNode event, JsonNode context) {
		JsonNode device = context.path("device");
		event.put("deviceType",
				SegmentDevices
					.deviceType(text(device, "type"), text(context.path("os"), "name"), context.hasNonNull("userAgent"))
					.wireName());
		String country = SegmentDevices.country(text(context.path("location"), "country"), text(context, "locale"));
		if (country != null) {
			event.put("country", country);
		}
		String appVersion = text(context.path("app"), "version");
		if (appVersion != null) {
			event.put("appVersion", appVersion);
		}
	}

	private static Instant instant(JsonNode value, String field, List<Problem> problems) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return Instant.ofEpochMilli(value.longValue());
		}
		Instant instant = value.isTextual() ? IsoInstants.parse(value.textValue()) : null;
		if (instant != null && (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT))) {
			instant = null;
		}
		if (instant == null) {
			problems
				.add(new Problem(field, "must be an ISO-8601 date-time with offset, such as 2025-01-31T20:15:00.000Z"));
		}
		return instant;
	}

	private static boolean isScalar(JsonNode value) {
		return value != null && (value.isTextual() || value.isNumber());
	}

	private static void putScalar(ObjectNode event, String field, JsonNode value) {
		if (isScalar(value)) {
			event.put(field, value.asText());
		}
	}

	/** A non-blank string, or null; SDKs send numbers for ids now and then. */
	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !(value.isTextual() || value.isNumber())) {
			return null;
		}
		String text = value.asText().trim();
		return text.isEmpty() ? null : text;
	}

	private static UnaryOperator<String> fieldNames(Map<String, String> names) {
		return (field) -> names.getOrDefault(field, field);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM provides SHA-256", ex);
		}
	}

}
