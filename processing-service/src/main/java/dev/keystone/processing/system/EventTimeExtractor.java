package dev.keystone.processing.system;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Reads the event time from the {@code timestamp} field of an enriched event. Cleansing
 * already writes each enriched record with its event time, so this only matters for
 * records that arrive some other way; whatever cannot be read keeps the record's own
 * timestamp rather than failing the task.
 */
public final class EventTimeExtractor implements TimestampExtractor {

	private final ObjectMapper mapper;

	public EventTimeExtractor(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
		if (record.value() instanceof String json) {
			try {
				JsonNode timestamp = this.mapper.readTree(json).get("timestamp");
				if (timestamp != null && timestamp.isTextual()) {
					return Instant.parse(timestamp.textValue()).toEpochMilli();
				}
			}
			catch (JsonProcessingException | DateTimeParseException ex) {
				// not an enriched event: the record timestamp is the best we have
			}
		}
		return (record.timestamp() >= 0) ? record.timestamp() : partitionTime;
	}

}
