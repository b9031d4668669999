package dev.keystone.ingest.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class JsonErrorsTests {

	private final ObjectMapper mapper = EventJson.newMapper();

	@Test
	void namesTheNestingLimitWithoutTheParsersInternals() {
		String detail = JsonErrors.describe(failureOf("{\"properties\": " + "[".repeat(40) + "]".repeat(40) + "}"));

		assertThat(detail).contains("nesting depth (33) exceeds the maximum allowed (32)")
			.doesNotContain("StreamReadConstraints", "`");
	}

	@Test
	void namesTheNumberLengthLimitWithoutTheParsersInternals() {
		String detail = JsonErrors.describe(failureOf("{\"positionMs\": " + "9".repeat(100) + "}"));

		assertThat(detail).contains("exceeds the maximum allowed (64)").doesNotContain("StreamReadConstraints", "`");
	}

	private Throwable failureOf(String json) {
		Throwable failure = catchThrowable(() -> this.mapper.readTree(json));
		assertThat(failure).isNotNull();
		return failure;
	}

}
