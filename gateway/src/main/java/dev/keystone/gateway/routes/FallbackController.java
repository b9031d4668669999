package dev.keystone.gateway.routes;

import dev.keystone.events.http.ProblemTypes;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a client gets when a service's circuit is open or the service did not answer in
 * time: a fast 503, not a hang.
 */
@RestController
class FallbackController {

	@RequestMapping("/fallback/{service}")
	ResponseEntity<ProblemDetail> unavailable(@PathVariable String service) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(ProblemTypes.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
					"the " + service + " service is not answering; retry shortly"));
	}

}
