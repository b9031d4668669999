package dev.keystone.testkit;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service owes its operators, as tests a service's integration test inherits:
 * health with liveness and readiness groups, and Prometheus metrics tagged with the
 * application.
 */
public interface OperationsContract {

	/** The port the running service listens on. */
	int port();

	/** {@code spring.application.name} of the service. */
	String applicationName();

	@Test
	default void reportsLiveAndReadyOnTheRealServers() {
		for (String probe : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			HttpResponse<String> health = ServiceEndpoints.get(port(), probe);
			assertThat(health.statusCode()).as(probe).isEqualTo(200);
			assertThat(health.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	@Test
	default void exposesPrometheusMetricsTaggedWithTheApplication() {
		HttpResponse<String> metrics = ServiceEndpoints.get(port(), "/actuator/prometheus");

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "application=\"" + applicationName() + "\"");
	}

}
