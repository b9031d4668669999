package dev.keystone.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * values.schema.json turns away wrong types and unknown keys before anything renders;
 * each file under bad-values/ names, on its first line, what the error must say.
 */
class ValuesSchemaTests {

	private static final String REJECTED = "# rejected: ";

	static Stream<Path> badValuesFiles() throws IOException {
		return Files.list(Path.of("src/test/resources/bad-values")).sorted();
	}

	@ParameterizedTest
	@MethodSource("badValuesFiles")
	void rejectsBadValuesNamingTheField(Path valuesFile) throws IOException {
		String expected = Files.readAllLines(valuesFile).get(0).substring(REJECTED.length());

		assertThatIllegalStateException().isThrownBy(() -> PackagedChart.template(valuesFile).call())
			.withMessageContaining("values don't meet the specifications of the schema")
			.withMessageContaining(expected);
	}

	@Test
	void refusesMoreStreamsReplicasThanPartitions() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PackagedChart.template(null)
				.set("topics.partitions", 6)
				.set("services.processing-service.replicas", 8)
				.call())
			.withMessageContaining("services.processing-service.replicas is 8")
			.withMessageContaining("topics.partitions (6)");
	}

	@Test
	void refusesToScaleAConsumerPastItsPartitions() {
		assertThatIllegalStateException().isThrownBy(
				() -> PackagedChart.template(null).set("services.routing-service.autoscaling.maxReplicas", 20).call())
			.withMessageContaining("services.routing-service.autoscaling.maxReplicas is 20");
	}

}
