package dev.keystone.routing.readapi;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.datastax.oss.driver.api.core.DriverException;
import dev.keystone.events.http.ReadApiProblems;
import dev.keystone.routing.sink.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Read API errors as problem+json: a bad parameter is named, a missing answer is 404
 * (both as every read API answers them), a store that is down is 503 with a hint when to
 * retry; nothing internal leaks.
 */
@RestControllerAdvice
class ReadApiAdvice extends ReadApiProblems {

	private static final Logger log = LoggerFactory.getLogger(ReadApiAdvice.class);

	@ExceptionHandler({ DriverException.class, ElasticsearchException.class, StoreUnavailableException.class })
	ResponseEntity<ProblemDetail> storeDown(RuntimeException ex) {
		log.warn("read failed, store unavailable: {}", ex.getMessage());
		return unavailable("store-unavailable", "Store unavailable",
				"the store behind this answer is not reachable; retry shortly");
	}

}
