package dev.keystone.alert.alerts;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.keystone.alert.rules.Glob;
import dev.keystone.alert.system.ApiException;
import dev.keystone.events.Alert;
import dev.keystone.events.Severity;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code /v1/alerts}: list, read, acknowledge, resolve, and the stream of changes.
 */
@RestController
class AlertController {

	private static final int MAX_SIZE = 500;

	private final AlertBoard board;

	private final AlertActions actions;

	private final AlertFeed feed;

	AlertController(AlertBoard board, AlertActions actions, AlertFeed feed) {
		this.board = board;
		this.actions = actions;
		this.feed = feed;
	}

	@GetMapping("/v1/alerts")
	@Operation(summary = "Alerts, newest first, filtered by state, severity, metric, scope (glob) and opening time")
	AlertList list(@RequestParam(required = false) String state, @RequestParam(required = false) String severity,
			@RequestParam(required = false) String metric, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw ApiException.badParameter("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw ApiException.badParameter("size", "must be between 1 and " + MAX_SIZE);
		}
		Instant start = instant("from", from);
		Instant end = instant("to", to);
		if (start != null && end != null && !end.isAfter(start)) {
			throw ApiException.badParameter("to", "must be after from");
		}
		AlertBoard.Filter filter = new AlertBoard.Filter(state("state", state), severity("severity", severity), metric,
				Glob.of(scope), start, end);
		AlertBoard.Page found = this.board.list(filter, page, size);
		return new AlertList(found.total(), page, size, found.alerts());
	}

	@GetMapping(path = "/v1/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events: one 'alert' event per state change")
	SseEmitter stream() {
		return this.feed.listen();
	}

	@GetMapping("/v1/alerts/{alertId}")
	@Operation(summary = "One alert with its newest anomalies and its notification log")
	AlertDetail get(@PathVariable String alertId) {
		return this.board.get(alertId)
			.map((record) -> new AlertDetail(record.alert(), record.anomalies(),
					this.board.log(alertId).stream().map(AlertDetail.Notified::of).toList()))
			.orElseThrow(() -> ApiException.notFound("no alert " + alertId));
	}

	@PostMapping("/v1/alerts/{alertId}/acknowledge")
	@Operation(summary = "Someone is on it: no more repeats; 409 unless the alert is firing")
	Alert acknowledge(@PathVariable String alertId, @RequestBody(required = false) ActionRequest request,
			@RequestHeader(name = "Keystone-Caller", required = false) String caller) {
		return this.actions.acknowledge(alertId, by(request, caller), comment(request));
	}

	@PostMapping("/v1/alerts/{alertId}/resolve")
	@Operation(summary = "Resolve by hand; 409 if already resolved")
	Alert resolve(@PathVariable String alertId, @RequestBody(required = false) ActionRequest request,
			@RequestHeader(name = "Keystone-Caller", required = false) String caller) {
		return this.actions.resolve(alertId, by(request, caller), comment(request));
	}

	private static String by(ActionRequest request, String caller) {
		if (request != null && request.by() != null) {
			if (request.by().isBlank() || request.by().length() > 256) {
				throw ApiException.badParameter("by", "must be 1 to 256 characters");
			}
			return request.by();
		}
		return (caller != null) ? caller : "anonymous";
	}

	private static String comment(ActionRequest request) {
		if (request != null && request.comment() != null && request.comment().length() > 1024) {
			throw ApiException.badParameter("comment", "must be at most 1024 characters");
		}
		return (request != null) ? request.comment() : null;
	}

	private static Instant instant(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ApiException.badParameter(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
		}
	}

	private static Alert.State state(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Alert.State.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badParameter(name, "must be firing, acknowledged or resolved");
		}
	}

	private static Severity severity(String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Severity.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badParameter(name, "must be low, medium, high or critical");
		}
	}

}
