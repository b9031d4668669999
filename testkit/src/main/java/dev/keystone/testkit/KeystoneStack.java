package dev.keystone.testkit;

/**
 * Where the real servers of the current build are, and a way to take one away and bring
 * it back for fault tests. A test that stops a server must start it again before it ends:
 * the servers are shared.
 */
public interface KeystoneStack {

	String kafkaBootstrapServers();

	/** For example {@code http://127.0.0.1:19200}. */
	String elasticsearchUri();

	/** {@code host:port} of the CQL endpoint. */
	String cassandraContactPoint();

	default String cassandraLocalDatacenter() {
		return "datacenter1";
	}

	/** Makes the server unreachable, keeping its data. */
	void stop(Server server);

	/** Brings a stopped server back and returns once it serves again. */
	void start(Server server);

	/** The stack every test of this JVM shares, started on first use. */
	static KeystoneStack shared() {
		return SharedStack.INSTANCE.stack();
	}

}
