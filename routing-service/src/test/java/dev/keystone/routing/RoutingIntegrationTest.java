package dev.keystone.routing;

import dev.keystone.testkit.KeystoneStackProperties;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for every integration test of the service: a second cached
 * context would join the same consumer groups and take half the partitions away from the
 * test that is running.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "keystone.routing.search.refresh-interval=" + RoutingIntegrationTest.REFRESH_INTERVAL,
				"keystone.routing.archive.commit-interval=1s" })
@AutoConfigureObservability
public abstract class RoutingIntegrationTest {

	/** Shorter than the shipped second, so stored events are searchable sooner. */
	static final String REFRESH_INTERVAL = "300ms";

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

}
