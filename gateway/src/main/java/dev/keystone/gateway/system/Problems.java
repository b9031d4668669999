package dev.keystone.gateway.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Problem+json answers written by the gateway itself, with stable type URIs.
 */
public final class Problems {

	private static final String TYPES = "https://keystone.dev/problems/";

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * Writes the problem as the whole response, for filters that answer before any route.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String title,
			String detail) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"" + TYPES + type + "\",\"title\":\"" + escape(title) + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + escape(detail) + "\"}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
