package dev.keystone.alert.system;

import java.util.List;

import dev.keystone.alert.rules.RuleChecker.FieldProblem;

import org.springframework.http.HttpStatus;

/**
 * A request the API answers with a problem: what went wrong, and for a 400 which fields.
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String type;

	private final List<FieldProblem> problems;

	private ApiException(HttpStatus status, String type, String detail, List<FieldProblem> problems) {
		super(detail);
		this.status = status;
		this.type = type;
		this.problems = problems;
	}

	public static ApiException badParameter(String field, String message) {
		return badRequest(List.of(new FieldProblem(field, message)));
	}

	public static ApiException badRequest(List<FieldProblem> problems) {
		FieldProblem first = problems.get(0);
		return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", first.field() + ": " + first.message(),
				problems);
	}

	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, "not-found", detail, List.of());
	}

	public static ApiException conflict(String detail) {
		return new ApiException(HttpStatus.CONFLICT, "conflict", detail, List.of());
	}

	public static ApiException unavailable(String detail) {
		return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail, List.of());
	}

	HttpStatus status() {
		return this.status;
	}

	String type() {
		return this.type;
	}

	List<FieldProblem> problems() {
		return this.problems;
	}

}
