package dev.keystone.gateway;

import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.OperationsContract;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class GatewayOperationsIT implements OperationsContract {

	@LocalServerPort
	int port;

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
		return "gateway";
	}

}
