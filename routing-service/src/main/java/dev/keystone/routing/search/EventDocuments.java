package dev.keystone.routing.search;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns an enriched event into its search document: indexed by the day of its event time,
 * id = eventId, plus a {@code searchText} field that gathers every value worth free-text
 * search, {@code properties} included, since the mapping stores properties without
 * indexing them (arbitrary keys would explode it).
 */
class EventDocuments implements DocumentMapper {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);

	private static final String[] SEARCHED = { "eventId", "type", "name", "deviceId", "deviceType", "deviceClass",
			"profileId", "sessionId", "titleId", "country", "appVersion" };

	private final ObjectMapper mapper;

	EventDocuments(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Mapped map(String record) {
		JsonNode node;
		try {
			node = this.mapper.readTree(record);
		}
		catch (JsonProcessingException ex) {
			return Mapped.refused(null, null, "not JSON: " + ex.getOriginalMessage());
		}
		if (!(node instanceof ObjectNode event)) {
			return Mapped.refused(null, node, "not a JSON object");
		}
		String eventId = event.path("eventId").asText("");
		if (eventId.isBlank()) {
			return Mapped.refused(null, event, "eventId missing");
		}
		Instant timestamp;
		try {
			timestamp = Instant.parse(event.path("timestamp").asText(""));
		}
		catch (DateTimeParseException ex) {
			return Mapped.refused(eventId, event, "timestamp is not an ISO-8601 instant");
		}
		ObjectNode document = event.deepCopy();
		document.put("searchText", searchText(event));
		return Mapped.of(new BulkDocument(EventIndices.DAY_PREFIX + DAY.format(timestamp), eventId, document, event));
	}

	private static String searchText(JsonNode event) {
		StringJoiner text = new StringJoiner(" ");
		for (String field : SEARCHED) {
			JsonNode value = event.get(field);
			if (value != null && value.isValueNode()) {
				text.add(value.asText());
			}
		}
		JsonNode title = event.path("title");
		if (title.isObject()) {
			text.add(title.path("name").asText(""));
			title.path("genres").forEach((genre) -> text.add(genre.asText()));
		}
		collectValues(event.path("properties"), text);
		return text.toString();
	}

	private static void collectValues(JsonNode node, StringJoiner text) {
		if (node.isValueNode()) {
			text.add(node.asText());
		}
		else if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				text.add(field.getKey());
				collectValues(field.getValue(), text);
			}
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectValues(element, text));
		}
	}

}
