package dev.keystone.alert.silences;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.rules.RuleChecker.FieldProblem;
import dev.keystone.alert.system.ApiException;
import dev.keystone.alert.system.Publisher;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;

/**
 * The silences, as their compacted topic holds them (mirrored on every replica), and the
 * checks a new one passes before it is written there.
 */
final class SilenceBook {

	private static final int MAX_MATCHER = 256;

	private final Map<String, Silence> silences = new ConcurrentHashMap<>();

	private final Publisher publisher;

	private final String topic;

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Duration retention;

	SilenceBook(Publisher publisher, String topic, ObjectMapper mapper, Clock clock, Duration retention) {
		this.publisher = publisher;
		this.topic = topic;
		this.mapper = mapper;
		this.clock = clock;
		this.retention = retention;
	}

	void stored(String silenceId, String json) {
		if (json == null) {
			this.silences.remove(silenceId);
			return;
		}
		try {
			this.silences.put(silenceId, this.mapper.readValue(json, Silence.class));
		}
		catch (JsonProcessingException ex) {
			this.silences.remove(silenceId);
		}
	}

	Silence create(SilenceRequest request, String caller) {
		Instant now = this.clock.instant();
		List<FieldProblem> problems = new ArrayList<>();
		Silence.Matchers matchers = request.matchers();
		if (matchers == null
				|| (matchers.metric() == null && matchers.scope() == null && matchers.severity() == null)) {
			problems.add(new FieldProblem("matchers", "must name at least one of metric, scope, severity"));
		}
		else {
			length(problems, "matchers.metric", matchers.metric());
			length(problems, "matchers.scope", matchers.scope());
			if (matchers.severity() != null && !matchers.severity().contains("*") && !isSeverity(matchers.severity())) {
				problems.add(new FieldProblem("matchers.severity", "must be low, medium, high, critical or a * glob"));
			}
		}
		Instant startsAt = (request.startsAt() != null) ? request.startsAt() : now;
		if (request.endsAt() == null) {
			problems.add(new FieldProblem("endsAt", "is required: an ISO-8601 instant after startsAt"));
		}
		else if (!request.endsAt().isAfter(startsAt)) {
			problems.add(new FieldProblem("endsAt", "must be after startsAt (" + startsAt + ")"));
		}
		else if (!request.endsAt().isAfter(now)) {
			problems.add(new FieldProblem("endsAt", "must be in the future"));
		}
		length(problems, "createdBy", request.createdBy());
		if (request.comment() != null && request.comment().length() > 1024) {
			problems.add(new FieldProblem("comment", "must be at most 1024 characters"));
		}
		if (!problems.isEmpty()) {
			throw ApiException.badRequest(problems);
		}
		String createdBy = (request.createdBy() != null) ? request.createdBy() : caller;
		Silence silence = new Silence("si-" + UUID.randomUUID(), matchers, startsAt, request.endsAt(), createdBy,
				request.comment(), now);
		write(silence);
		return silence;
	}

	List<Silence> list(Boolean active) {
		Instant now = this.clock.instant();
		Instant kept = now.minus(this.retention);
		return this.silences.values()
			.stream()
			.filter((silence) -> silence.endsAt().isAfter(kept))
			.filter((silence) -> active == null || silence.activeAt(now) == active)
			.sorted(Comparator.comparing(Silence::createdAt).reversed())
			.toList();
	}

	Optional<Silence> get(String silenceId) {
		return Optional.ofNullable(this.silences.get(silenceId));
	}

	Silence end(String silenceId) {
		Silence silence = get(silenceId).orElseThrow(() -> ApiException.notFound("no silence " + silenceId));
		Instant now = this.clock.instant();
		if (!silence.endsAt().isAfter(now)) {
			return silence;
		}
		Silence ended = silence.endedAt(now.isBefore(silence.startsAt()) ? silence.startsAt() : now);
		write(ended);
		return ended;
	}

	private void write(Silence silence) {
		this.publisher.publish(this.topic, silence.silenceId(), EventJson.write(this.mapper, silence));
		this.silences.put(silence.silenceId(), silence);
	}

	private static void length(List<FieldProblem> problems, String field, String value) {
		if (value != null && (value.isBlank() || value.length() > MAX_MATCHER)) {
			problems.add(new FieldProblem(field, "must be 1 to " + MAX_MATCHER + " characters"));
		}
	}

	private static boolean isSeverity(String text) {
		try {
			Severity.valueOf(text.toUpperCase(Locale.ROOT));
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
