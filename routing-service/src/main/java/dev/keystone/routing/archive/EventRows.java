package dev.keystone.routing.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.events.IsoInstants;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * Converts between an event of {@code events.enriched} and its archive row, both ways, so
 * a replay publishes the JSON the topic carried.
 */
public final class EventRows {

	private final ObjectMapper mapper;

	private final GenericRecord template = GenericRecord.create(EventTable.SCHEMA);

	public EventRows(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The row of one event.
	 * @param json the event as the topic carries it
	 * @return the row
	 * @throws UnarchivableException if the record is not an event the table can hold
	 */
	Record toRow(String json) {
		JsonNode event;
		try {
			event = this.mapper.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new UnarchivableException("not JSON: " + ex.getOriginalMessage());
		}
		if (!event.isObject()) {
			throw new UnarchivableException("not a JSON object");
		}
		String eventId = text(event, "eventId");
		if (eventId == null || eventId.isBlank()) {
			throw new UnarchivableException("eventId missing");
		}
		OffsetDateTime timestamp = time(event, "timestamp");
		if (timestamp == null) {
			throw new UnarchivableException("timestamp missing");
		}
		Record row = this.template.copy();
		row.setField("event_id", eventId);
		row.setField("type", text(event, "type"));
		row.setField("timestamp", timestamp);
		row.setField("received_at", time(event, "receivedAt"));
		row.setField("processed_at", time(event, "processedAt"));
		row.setField("device_id", text(event, "deviceId"));
		row.setField("device_type", text(event, "deviceType"));
		row.setField("device_class", text(event, "deviceClass"));
		row.setField("session_id", text(event, "sessionId"));
		row.setField("profile_id", text(event, "profileId"));
		row.setField("title_id", text(event, "titleId"));
		JsonNode title = event.path("title");
		if (title.isObject()) {
			row.setField("title_name", text(title, "name"));
			JsonNode genres = title.path("genres");
			if (genres.isArray()) {
				List<String> names = new ArrayList<>(genres.size());
				genres.forEach((genre) -> names.add(genre.asText()));
				row.setField("title_genres", names);
			}
		}
		row.setField("country", text(event, "country"));
		JsonNode position = event.get("positionMs");
		row.setField("position_ms", (position != null && position.canConvertToLong()) ? position.asLong() : null);
		row.setField("app_version", text(event, "appVersion"));
		row.setField("name", text(event, "name"));
		row.setField("late", event.path("late").asBoolean(false));
		JsonNode properties = event.get("properties");
		row.setField("properties", (properties != null && !properties.isNull()) ? properties.toString() : null);
		row.setField("ingest_id", text(event, "ingestId"));
		return row;
	}

	/**
	 * The event a row was made from, as {@code events.enriched} carried it.
	 * @param row an archive row
	 * @return the event's JSON
	 */
	public ObjectNode toEvent(Record row) {
		ObjectNode event = this.mapper.createObjectNode();
		put(event, "eventId", row.getField("event_id"));
		put(event, "type", row.getField("type"));
		put(event, "timestamp", row.getField("timestamp"));
		put(event, "deviceId", row.getField("device_id"));
		put(event, "deviceType", row.getField("device_type"));
		put(event, "profileId", row.getField("profile_id"));
		put(event, "sessionId", row.getField("session_id"));
		put(event, "titleId", row.getField("title_id"));
		put(event, "positionMs", row.getField("position_ms"));
		put(event, "country", row.getField("country"));
		put(event, "appVersion", row.getField("app_version"));
		Object properties = row.getField("properties");
		if (properties != null) {
			try {
				event.set("properties", this.mapper.readTree((String) properties));
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("archived properties are not JSON: " + ex.getOriginalMessage(), ex);
			}
		}
		put(event, "receivedAt", row.getField("received_at"));
		put(event, "ingestId", row.getField("ingest_id"));
		Object titleName = row.getField("title_name");
		if (titleName != null) {
			ObjectNode title = event.putObject("title");
			title.put("name", (String) titleName);
			ArrayNode genres = title.putArray("genres");
			Object names = row.getField("title_genres");
			if (names instanceof List<?> list) {
				list.forEach((genre) -> genres.add(String.valueOf(genre)));
			}
		}
		else {
			event.putNull("title");
		}
		put(event, "deviceClass", row.getField("device_class"));
		put(event, "processedAt", row.getField("processed_at"));
		put(event, "name", row.getField("name"));
		if (Boolean.TRUE.equals(row.getField("late"))) {
			event.put("late", true);
		}
		return event;
	}

	private static void put(ObjectNode event, String field, Object value) {
		if (value instanceof OffsetDateTime time) {
			event.put(field, time.toInstant().toString());
		}
		else if (value instanceof Long number) {
			event.put(field, number);
		}
		else if (value != null) {
			event.put(field, value.toString());
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asText() : null;
	}

	private static OffsetDateTime time(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			return null;
		}
		try {
			Instant instant = IsoInstants.fastParse(value);
			return ((instant != null) ? instant : Instant.parse(value)).atOffset(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new UnarchivableException(field + " is not an ISO-8601 instant");
		}
	}

}
