package dev.keystone.alert;

import java.net.http.HttpResponse;

import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.ServiceEndpoints;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class AlertOperationsIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Test
	void reportsLiveAndReadyOnTheRealServers() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = ServiceEndpoints.get(this.port, probe);
			assertThat(health.statusCode()).as(probe).isEqualTo(200);
			assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	void exposesPrometheusMetricsTaggedWithTheApplication() {
		HttpResponse<String> metrics = ServiceEndpoints.get(this.port, "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"alert-service\"");
	}

}
