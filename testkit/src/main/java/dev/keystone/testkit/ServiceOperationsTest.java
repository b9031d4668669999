package dev.keystone.testkit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole of a service's operations test: extend it with an empty class named
 * {@code *OperationsIT} in the service's root package, and the service starts on the real
 * servers and is held to the {@link OperationsContract}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
public abstract class ServiceOperationsTest implements OperationsContract {

	@LocalServerPort
	private int port;

	@Value("${spring.application.name}")
	private String applicationName;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public String applicationName() {
		return this.applicationName;
	}

}
