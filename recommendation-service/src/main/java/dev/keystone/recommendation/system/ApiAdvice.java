package dev.keystone.recommendation.system;

import dev.keystone.events.http.ReadApiProblems;
import dev.keystone.recommendation.state.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * API errors as problem+json: a bad parameter is named, a missing answer is 404 (both as
 * every read API answers them), state being restored or moved is 503 with a hint when to
 * retry; nothing internal leaks.
 */
@RestControllerAdvice
class ApiAdvice extends ReadApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ApiAdvice.class);

	@ExceptionHandler(StoreUnavailableException.class)
	ResponseEntity<ProblemDetail> storeUnavailable(StoreUnavailableException ex) {
		log.warn("read failed, state unavailable: {}", ex.getMessage());
		return unavailable("state-unavailable", "State unavailable",
				"the state behind this answer is being restored or moved; retry shortly");
	}

}
