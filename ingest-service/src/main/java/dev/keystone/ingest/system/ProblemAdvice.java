package dev.keystone.ingest.system;

import java.util.List;

import dev.keystone.events.Problem;
import dev.keystone.events.http.ProblemTypes;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error leaves the service as problem+json. Parser messages are reduced to what the
 * client can fix; class names and stack traces never leave the process.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
				JsonErrors.describe(ex.getMostSpecificCause()));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new Problem(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "invalid-body", "Invalid request body",
				errors.size() + " field(s) are invalid; see errors");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * The client closed the connection or sent less than its {@code Content-Length}: its
	 * fault, not the service's, and nobody may be left to read the answer.
	 */
	@ExceptionHandler(ClientAbortException.class)
	ResponseEntity<ProblemDetail> bodyCutShort(ClientAbortException ex) {
		log.debug("request body ended early: {}", ex.toString());
		return ResponseEntity.badRequest()
			.body(ProblemTypes.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
					"the request body ended before its declared length"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("request failed unexpectedly", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemTypes.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
					"the request could not be completed; it is safe to retry"));
	}

}
