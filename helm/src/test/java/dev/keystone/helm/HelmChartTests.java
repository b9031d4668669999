package dev.keystone.helm;

import java.nio.file.Path;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HelmChartTests {

	private static final Path CHART = Path.of("keystone");

	@Test
	void passesStrictLint() {
		LintResult lint = new Helm(CHART).lint().strict().call();

		assertThat(lint.getMessages()).as("lint messages").noneMatch((message) -> message.contains("[ERROR]"));
		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
	}

	@Test
	void rendersEveryServiceWithProbesScrapingAndContractVariables() {
		String rendered = new Helm(CHART).template()
			.withName("ks")
			.set("infrastructure.kafkaBootstrapServers", "kafka-0.kafka:9092")
			.call();

		assertThat(rendered.split("kind: Deployment", -1)).hasSize(7);
		assertThat(rendered.split("kind: Service\n", -1)).hasSize(7);
		assertThat(rendered)
			.contains("name: ks-ingest-service", "containerPort: 8081", "path: /actuator/health/readiness",
					"path: /actuator/health/liveness", "prometheus.io/path: /actuator/prometheus",
					"value: \"kafka-0.kafka:9092\"",
					"name: INGEST_URL\n              value: http://ks-ingest-service:8081",
					"name: RECOMMENDATION_URL\n              value: http://ks-recommendation-service:8085")
			.doesNotContain("kind: Secret");
	}

	@Test
	void putsApiKeyHashesInASecretForTheGatewayOnly() {
		String rendered = new Helm(CHART).template()
			.withName("ks")
			.set("apiKeys[0].name", "tv")
			.set("apiKeys[0].sha256", "ab".repeat(32))
			.set("apiKeys[0].scopes[0]", "ingest")
			.set("apiKeys[0].requestsPerSecond", "500")
			.call();

		assertThat(rendered).contains("kind: Secret", "KEYSTONE_GATEWAY_KEYS_0_SHA256: \"" + "ab".repeat(32) + "\"",
				"KEYSTONE_GATEWAY_KEYS_0_SCOPES: \"ingest\"", "KEYSTONE_GATEWAY_KEYS_0_REQUESTS_PER_SECOND: \"500\"");
		assertThat(rendered.split("secretRef:", -1)).hasSize(2);
	}

}
