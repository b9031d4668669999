package dev.keystone.routing;

import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.PasswordCassandra;
import com.datastax.oss.driver.api.core.CqlSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * routing-service on a Cassandra that requires a login (PasswordAuthenticator),
 * configured through the credential variables (the README's "Credentials") alone: it logs
 * in, creates its keyspace and reports Cassandra up. Its consumers stay stopped, so it
 * takes no partitions from the other tests' service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.cloud.stream.default.consumer.auto-startup=false")
@DirtiesContext
class CassandraCredentialsIT {

	private static final PasswordCassandra cassandra = PasswordCassandra.start();

	private static final String KEYSPACE = "keystone_credentials_it";

	@Autowired
	HealthEndpoint health;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
		registry.add("CASSANDRA_CONTACT_POINTS", cassandra::contactPoint);
		registry.add("CASSANDRA_KEYSPACE", () -> KEYSPACE);
		registry.add("CASSANDRA_USERNAME", () -> PasswordCassandra.USERNAME);
		registry.add("CASSANDRA_PASSWORD", () -> PasswordCassandra.PASSWORD);
	}

	@AfterAll
	static void stopCassandra() {
		cassandra.close();
	}

	@Test
	void logsInToCreateItsKeyspaceAndReportsCassandraUp() {
		try (CqlSession session = cassandra.session()) {
			assertThat(session.getMetadata().getKeyspace(KEYSPACE)).isPresent();
		}
		assertThat(this.health.healthForPath("cassandra").getStatus()).isEqualTo(Status.UP);
	}

}
