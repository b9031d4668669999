package dev.keystone.ingest.events;

import java.time.Duration;
import java.util.List;

import dev.keystone.events.http.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request refused as a whole; none of its events was accepted.
 */
public final class IngestRejection extends ErrorResponseException {

	private IngestRejection(HttpStatus status, ProblemDetail problem, Duration retryAfter) {
		super(status, problem, null);
		if (retryAfter != null) {
			getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())));
		}
	}

	public static IngestRejection malformed(String detail) {
		return new IngestRejection(HttpStatus.BAD_REQUEST,
				ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", detail), null);
	}

	static IngestRejection allInvalid(List<EventError> errors) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-events", "No valid event",
				"every event of the request is invalid; see errors");
		problem.setProperty("errors", errors);
		return new IngestRejection(HttpStatus.BAD_REQUEST, problem, null);
	}

	static IngestRejection someInvalid(List<EventError> errors, int total) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-events", "Invalid events",
				errors.size() + " of " + total + " events are invalid (see errors); nothing of this request was "
						+ "accepted: fix them and send the request again");
		problem.setProperty("errors", errors);
		return new IngestRejection(HttpStatus.BAD_REQUEST, problem, null);
	}

	public static IngestRejection tooLarge(String detail) {
		return new IngestRejection(HttpStatus.PAYLOAD_TOO_LARGE,
				ProblemTypes.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large", detail), null);
	}

	static IngestRejection unsupportedEncoding(String encoding) {
		return new IngestRejection(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				ProblemTypes.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-encoding",
						"Unsupported Content-Encoding",
						"Content-Encoding '" + encoding + "' is not supported; send identity or gzip"),
				null);
	}

	static IngestRejection overloaded(Duration retryAfter) {
		return new IngestRejection(
				HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.problem(HttpStatus.TOO_MANY_REQUESTS, "overloaded",
						"Ingest is at capacity", "too many bytes are waiting for Kafka; retry after the advised delay"),
				retryAfter);
	}

	static IngestRejection kafkaUnavailable(Duration retryAfter, List<EventError> errors) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "kafka-unavailable",
				"Kafka unavailable",
				"Kafka did not acknowledge the events in time; nothing in this request was accepted, retry it as is");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return new IngestRejection(HttpStatus.SERVICE_UNAVAILABLE, problem, retryAfter);
	}

}
