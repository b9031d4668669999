package dev.keystone.routing;

import java.net.http.HttpResponse;

import dev.keystone.testkit.ServiceEndpoints;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingOperationsIT extends RoutingIntegrationTest {

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
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"routing-service\"");
	}

}
