package dev.keystone.gateway.system;

import java.nio.charset.StandardCharsets;

import dev.keystone.events.http.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/**
 * Problem+json answers written by the gateway's filters, which answer before any route.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Writes the problem as the whole response, for filters that answer before any route.
	 */
	public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String type, String title,
			String detail) {
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String body = "{\"type\":\"" + ProblemTypes.uri(type) + "\",\"title\":\"" + escape(title) + "\",\"status\":"
				+ status.value() + ",\"detail\":\"" + escape(detail) + "\"}";
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
