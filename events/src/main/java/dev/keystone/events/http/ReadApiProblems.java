package dev.keystone.events.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The answers every read API gives as problem+json: a bad parameter is named, a missing
 * answer is 404. A service's {@code @RestControllerAdvice} extends it and adds what only
 * it can fail with, such as a store that is down.
 */
public abstract class ReadApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(BadParameterException.class)
	public ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
				ex.getMessage());
		problem.setProperty("parameter", ex.parameter());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badParameter(new BadParameterException(ex.getName(), ex.getName() + " must be a whole number"));
	}

	@ExceptionHandler(NotFoundException.class)
	public ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemTypes.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	/**
	 * A 503 for what the service stands on being away for now, with a hint to retry in
	 * five seconds.
	 */
	protected static ResponseEntity<ProblemDetail> unavailable(String type, String title, String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, type, title, detail));
	}

}
