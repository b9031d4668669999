package dev.keystone.ingest.events;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import dev.keystone.events.Event;
import dev.keystone.events.EventValidator;
import dev.keystone.events.Problem;
import dev.keystone.events.ValidationResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Takes one batch from parsed items to a per-event verdict: validates every event, stamps
 * the valid ones with an id, the time of receipt and an ingest id, and has them written.
 */
public class EventIntake {

	private final EventValidator validator;

	private final EventPublisher publisher;

	private final IngestLimits limits;

	private final Clock clock;

	private final Counter accepted;

	private final Counter invalid;

	private final Counter failed;

	private final DistributionSummary requestBytes;

	EventIntake(EventValidator validator, EventPublisher publisher, IngestLimits limits, Clock clock,
			MeterRegistry registry) {
		this.validator = validator;
		this.publisher = publisher;
		this.limits = limits;
		this.clock = clock;
		this.accepted = outcome(registry, "accepted");
		this.invalid = outcome(registry, "invalid");
		this.failed = outcome(registry, "failed");
		this.requestBytes = DistributionSummary.builder("keystone.ingest.request")
			.baseUnit("bytes")
			.description("Size of ingest request bodies after decompression")
			.register(registry);
	}

	private static Counter outcome(MeterRegistry registry, String outcome) {
		return Counter.builder("keystone.ingest.events")
			.description("Events received, by what became of them")
			.tag("outcome", outcome)
			.register(registry);
	}

	IngestResponse ingest(EventBatch batch) {
		this.requestBytes.record(batch.bytes());
		String ingestId = UUID.randomUUID().toString();
		Instant receivedAt = this.clock.instant();
		List<EventError> errors = new ArrayList<>();
		List<Event> valid = new ArrayList<>();
		List<Integer> validIndexes = new ArrayList<>();
		for (EventBatch.Item item : batch.items()) {
			ValidationResult result = validate(item);
			if (result.isValid()) {
				Event event = result.event();
				String eventId = (event.eventId() != null) ? event.eventId() : UUID.randomUUID().toString();
				valid.add(event.withIngest(eventId, receivedAt, ingestId + ":" + item.index()));
				validIndexes.add(item.index());
			}
			else {
				errors.add(new EventError(item.index(), eventIdOf(item), EventError.INVALID, result.problems()));
			}
		}
		this.invalid.increment(errors.size());
		if (valid.isEmpty()) {
			throw IngestRejection.allInvalid(errors);
		}
		List<Boolean> acknowledged = this.publisher.publish(valid);
		int written = 0;
		List<EventError> failures = new ArrayList<>();
		for (int i = 0; i < valid.size(); i++) {
			if (acknowledged.get(i)) {
				written++;
			}
			else {
				failures.add(new EventError(validIndexes.get(i), valid.get(i).eventId(), EventError.FAILED,
						List.of(new Problem("", "Kafka did not acknowledge the event in time; retry it as is"))));
			}
		}
		this.accepted.increment(written);
		this.failed.increment(failures.size());
		if (written == 0) {
			List<EventError> all = new ArrayList<>(errors);
			all.addAll(failures);
			all.sort((a, b) -> Integer.compare(a.index(), b.index()));
			throw IngestRejection.kafkaUnavailable(this.limits.retryAfter(), all);
		}
		errors.addAll(failures);
		errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
		return new IngestResponse(written, errors.size() - failures.size(), failures.size(), errors);
	}

	/**
	 * Writes every event of the batch or refuses it: a client whose only signal is
	 * success or failure (as Segment's SDKs) would otherwise lose the invalid events
	 * without knowing. Nothing is written when any event is invalid; when Kafka fails to
	 * acknowledge some, the request fails as a whole and may be retried as is, since
	 * events keep their ids and are counted once.
	 * @param fieldNames the client's name for each field of the event, so that problems
	 * point at what the client sent
	 * @return how many events were written
	 */
	public int ingestAll(EventBatch batch, UnaryOperator<String> fieldNames) {
		this.requestBytes.record(batch.bytes());
		String ingestId = UUID.randomUUID().toString();
		Instant receivedAt = this.clock.instant();
		List<EventError> errors = new ArrayList<>();
		List<Event> valid = new ArrayList<>(batch.items().size());
		for (EventBatch.Item item : batch.items()) {
			ValidationResult result = validate(item);
			if (result.isValid()) {
				Event event = result.event();
				String eventId = (event.eventId() != null) ? event.eventId() : UUID.randomUUID().toString();
				valid.add(event.withIngest(eventId, receivedAt, ingestId + ":" + item.index()));
			}
			else {
				List<Problem> problems = result.problems()
					.stream()
					.map((problem) -> new Problem(fieldNames.apply(problem.field()), problem.message()))
					.toList();
				errors.add(new EventError(item.index(), eventIdOf(item), EventError.INVALID, problems));
			}
		}
		if (!errors.isEmpty()) {
			this.invalid.increment(errors.size());
			throw IngestRejection.someInvalid(errors, batch.items().size());
		}
		List<Boolean> acknowledged = this.publisher.publish(valid);
		List<EventError> failures = new ArrayList<>();
		for (int i = 0; i < valid.size(); i++) {
			if (!acknowledged.get(i)) {
				failures.add(new EventError(batch.items().get(i).index(), valid.get(i).eventId(), EventError.FAILED,
						List.of(new Problem("", "Kafka did not acknowledge the event in time; retry it as is"))));
			}
		}
		this.accepted.increment(valid.size() - failures.size());
		this.failed.increment(failures.size());
		if (!failures.isEmpty()) {
			throw IngestRejection.kafkaUnavailable(this.limits.retryAfter(), failures);
		}
		return valid.size();
	}

	private ValidationResult validate(EventBatch.Item item) {
		return item.problems().isEmpty() ? this.validator.validate(item.json())
				: new ValidationResult(null, item.problems());
	}

	private static String eventIdOf(EventBatch.Item item) {
		if (item.json() == null || !item.json().isObject() || !item.json().path("eventId").isTextual()) {
			return null;
		}
		return item.json().get("eventId").textValue();
	}

}
