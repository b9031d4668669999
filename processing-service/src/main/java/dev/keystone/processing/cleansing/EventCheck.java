package dev.keystone.processing.cleansing;

import java.time.Clock;
import java.time.Duration;
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

/**
 * The cleansing rules for one record of {@code events.raw}, in the order they apply:
 * {@code invalid}, {@code future}, {@code too_old}, {@code late}.
 */
final class EventCheck {

	static final String STAGE = "processing";

	/** The smallest window the pipeline counts; lateness is judged against it. */
	static final Duration SMALLEST_WINDOW = Duration.ofSeconds(10);

	private final ObjectMapper mapper;

	private final EventValidator validator;

	private final CleansingSettings settings;

	private final Duration grace;

	private final Clock clock;

	EventCheck(ObjectMapper mapper, CleansingSettings settings, Duration grace, Clock clock) {
		this.mapper = mapper;
		this.validator = EventValidator.forPipeline(mapper);
		this.settings = settings;
		this.grace = grace;
		this.clock = clock;
	}

	/**
	 * @param value the record value
	 * @param recordTimestamp the record timestamp, standing in for a missing
	 * {@code receivedAt}
	 * @param streamTime the highest record timestamp this task has seen; see
	 * {@link #isLate}
	 */
	Checked check(String value, long recordTimestamp, long streamTime) {
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
		if (isLate(timestamp, streamTime)) {
			return reject("late", "the " + SMALLEST_WINDOW.toSeconds() + "s window of " + timestamp
					+ " closed before the event arrived (grace " + this.grace + ")", node);
		}
		return new Checked.Passed(event.withIngest(event.eventId(), receivedAt, event.ingestId()));
	}

	/**
	 * Whether the event's smallest window has already closed. The windows themselves run
	 * on the event times of {@code events.enriched}; here we only know this task's stream
	 * time, the highest record timestamp seen on its {@code events.raw} partitions, which
	 * is ingest time. With device clocks roughly right, the two advance together, so this
	 * rejects in the open what the window would otherwise drop without a trace. It is an
	 * approximation: a window on another partition may close a little earlier or later.
	 */
	private boolean isLate(Instant timestamp, long streamTime) {
		long size = SMALLEST_WINDOW.toMillis();
		long windowEnd = Math.floorDiv(timestamp.toEpochMilli(), size) * size + size;
		return windowEnd + this.grace.toMillis() <= streamTime;
	}

	private Checked reject(String reason, String detail, JsonNode original) {
		JsonNode eventId = original.get("eventId");
		String key = (eventId != null && eventId.isTextual()) ? eventId.textValue().trim() : null;
		return new Checked.Rejected(key, new Rejection(reason, detail, STAGE, this.clock.instant(), original));
	}

}
