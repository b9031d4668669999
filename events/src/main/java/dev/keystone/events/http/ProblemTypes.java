package dev.keystone.events.http;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problems with the stable type URIs every service answers with, one per kind of
 * failure a client can act on.
 */
public final class ProblemTypes {

	/** What every problem type URI starts with; the type's name follows. */
	public static final String BASE = "https://keystone.dev/problems/";

	private ProblemTypes() {
	}

	public static URI uri(String type) {
		return URI.create(BASE + type);
	}

	public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(uri(type));
		problem.setTitle(title);
		return problem;
	}

}
