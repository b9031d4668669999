package dev.keystone.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring Boot test at the shared stack through the same variables the services
 * read in production.
 */
public final class KeystoneStackProperties {

	private KeystoneStackProperties() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		KeystoneStack stack = KeystoneStack.shared();
		registry.add("KAFKA_BOOTSTRAP_SERVERS", stack::kafkaBootstrapServers);
		registry.add("ELASTICSEARCH_URIS", stack::elasticsearchUri);
		registry.add("CASSANDRA_CONTACT_POINTS", stack::cassandraContactPoint);
		registry.add("CASSANDRA_LOCAL_DATACENTER", stack::cassandraLocalDatacenter);
		stack.archiveEnvironment().forEach((name, value) -> registry.add(name, () -> value));
	}

}
