package dev.keystone.processing.cleansing;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keystone.events.Event;
import dev.keystone.events.EventValidator;
import dev.keystone.events.Rejection;
import dev.keystone.events.ValidationResult;
import dev.keystone.processing.system.StageCounters;

/**
 * The cleansing rules for one record of {@code events.raw}, in the order they apply:
 * {@code invalid}, {@code future}, {@code too_old}. Whether an event is {@code late}
 * depends on its partition's clock, which the windows keep.
 */
final class EventCheck {

	private final ObjectMapper mapper;

	private final EventValidator validator;

	private final CleansingSettings settings;

	private final Clock clock;

	EventCheck(ObjectMapper mapper, CleansingSettings settings, Clock clock) {
		this.mapper = mapper;
		this.validator = EventValidator.forPipeline(mapper);
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param value the record value
	 * @param recordTimestamp the record timestamp, standing in for a missing
	 * {@code receivedAt}
	 */
	Checked check(String value, long recordTimestamp) {
		if (value == null) {
			return reject("invalid", "the record has no value", NullNode.getInstance());
		}
		JsonNode node;
		try {
			node = this.mapper.readTree(value);
		}
		catch (JsonProcessingException ex) {
			return reject("invalid", "not JSON: " + ex.getOriginalMessage(), TextNode.valueOf(value));
		}
		ValidationResult result = this.validator.validate(node);
		if (!result.isValid()) {
			String detail = result.problems()
				.stream()
				.map((problem) -> problem.field().isEmpty() ? problem.message()
						: problem.field() + ": " + problem.message())
				.collect(Collectors.joining("; "));
			return reject("invalid", detail, node);
		}
		Event event = result.event();
		Instant receivedAt = (event.receivedAt() != null) ? event.receivedAt() : Instant.ofEpochMilli(recordTimestamp);
		Instant timestamp = event.timestamp();
		if (timestamp.isAfter(receivedAt.plus(this.settings.maxClockSkew()))) {
			return reject("future", "timestamp " + timestamp + " is more than " + this.settings.maxClockSkew()
					+ " after receivedAt " + receivedAt, node);
		}
		if (timestamp.isBefore(receivedAt.minus(this.settings.maxAge()))) {
			return reject("too_old", "timestamp " + timestamp + " is more than " + this.settings.maxAge()
					+ " before receivedAt " + receivedAt, node);
		}
		return new Checked.Passed(event.withIngest(event.eventId(), receivedAt, event.ingestId()));
	}

	private Checked reject(String reason, String detail, JsonNode original) {
		JsonNode eventId = original.get("eventId");
		String key = (eventId != null && eventId.isTextual()) ? eventId.textValue().trim() : null;
		return new Checked.Rejected(key,
				new Rejection(reason, detail, StageCounters.STAGE, this.clock.instant(), original));
	}

}
