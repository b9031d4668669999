package dev.keystone.events.http;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTypesTests {

	@Test
	void namesTheTypeUnderTheProjectsProblemBase() {
		ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
				"window must be one of [10s, 1m]");

		assertThat(problem.getType()).isEqualTo(URI.create("https://keystone.dev/problems/bad-parameter"));
		assertThat(problem.getTitle()).isEqualTo("Bad parameter");
		assertThat(problem.getStatus()).isEqualTo(400);
		assertThat(problem.getDetail()).isEqualTo("window must be one of [10s, 1m]");
	}

}
