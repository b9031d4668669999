package dev.keystone.routing.readapi;

import java.net.URI;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.datastax.oss.driver.api.core.DriverException;
import dev.keystone.routing.sink.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Read API errors as problem+json: a bad parameter is named, a missing answer is 404, a
 * store that is down is 503 with a hint when to retry; nothing internal leaks.
 */
@RestControllerAdvice
class ReadApiAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ReadApiAdvice.class);

	private static final String TYPES = "https://keystone.dev/problems/";

	@ExceptionHandler(BadParameterException.class)
	ResponseEntity<ProblemDetail> badParameter(BadParameterException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter", ex.getMessage());
		problem.setProperty("parameter", ex.parameter());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return badParameter(new BadParameterException(ex.getName(), ex.getName() + " must be a whole number"));
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", ex.getMessage()));
	}

	@ExceptionHandler({ DriverException.class, ElasticsearchException.class, StoreUnavailableException.class })
	ResponseEntity<ProblemDetail> storeDown(RuntimeException ex) {
		log.warn("read failed, store unavailable: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable",
					"the store behind this answer is not reachable; retry shortly"));
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

}
