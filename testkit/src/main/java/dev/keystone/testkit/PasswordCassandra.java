package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.datastax.oss.driver.api.core.CqlSession;

/**
 * A Cassandra node of its own with PasswordAuthenticator, for tests of the services'
 * Cassandra credentials (the README's "Credentials"). It runs the launcher's Cassandra
 * with the launcher's configuration, a small heap and free ports, logs in as the default
 * superuser, and is gone when closed.
 */
public final class PasswordCassandra implements AutoCloseable {

	/** The default superuser Cassandra creates with PasswordAuthenticator. */
	public static final String USERNAME = "cassandra";

	/** Its password. */
	public static final String PASSWORD = "cassandra";

	private static final String CASSANDRA_VERSION = "5.0.9";

	private final ScratchServer node;

	private PasswordCassandra(ScratchServer node) {
		this.node = node;
	}

	/**
	 * Starts the node and waits until the superuser can log in.
	 * @return the running node
	 */
	public static PasswordCassandra start() {
		try {
			ScratchServer.Workspace workspace = ScratchServer.prepare("Cassandra", "cassandra-" + CASSANDRA_VERSION,
					"keystone-password-cassandra");
			Path home = workspace.home();
			Path conf = workspace.root().resolve("stack/conf");
			String yaml = Files.readString(conf.resolve("cassandra.yaml"))
				.replace("@PORT@", String.valueOf(workspace.port()))
				.replace("@STORAGE_PORT@", String.valueOf(LauncherCache.freePort()))
				.replace("@DATA_DIR@", home.resolve("data").toString())
				.replace("authenticator: AllowAllAuthenticator", "authenticator: PasswordAuthenticator");
			Path config = home.resolve("cassandra.yaml");
			Files.writeString(config, yaml);
			List<String> command = new ArrayList<>(List.of(ScratchServer.java(), "-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
					"-XX:+ExitOnOutOfMemoryError"));
			Files.readAllLines(conf.resolve("cassandra-jvm17.options"))
				.stream()
				.filter((line) -> !line.isBlank() && !line.startsWith("#"))
				.forEach(command::add);
			String jamm;
			try (Stream<Path> jars = Files.list(workspace.lib())) {
				jamm = jars.filter((jar) -> jar.getFileName().toString().startsWith("jamm-"))
					.findFirst()
					.orElseThrow()
					.toString();
			}
			command.addAll(List.of("-javaagent:" + jamm, "-Djava.net.preferIPv4Stack=true",
					"-Dcassandra.config=file://" + config, "-Dcassandra-foreground=yes",
					"-Dcassandra.storagedir=" + home.resolve("data"), "-Dcassandra.logdir=" + home.resolve("logs"),
					"-Dcassandra.jmx.local.port=" + LauncherCache.freePort(),
					"-Dcassandra.skip_wait_for_gossip_to_settle=0", "-Dcassandra.superuser_setup_delay_ms=0",
					"-Dlogback.configurationFile=" + conf.resolve("logback.xml"), "-cp", workspace.lib() + "/*",
					"org.apache.cassandra.service.CassandraDaemon"));
			PasswordCassandra cassandra = new PasswordCassandra(
					ScratchServer.start(workspace, Duration.ofSeconds(30), command));
			cassandra.awaitLogin();
			return cassandra;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code host:port} for CASSANDRA_CONTACT_POINTS. */
	public String contactPoint() {
		return this.node.address();
	}

	/**
	 * A session logged in as the superuser.
	 * @return a new session; the caller closes it
	 */
	public CqlSession session() {
		return CqlSession.builder()
			.addContactPoint(new InetSocketAddress("127.0.0.1", this.node.port()))
			.withLocalDatacenter("datacenter1")
			.withAuthCredentials(USERNAME, PASSWORD)
			.build();
	}

	@Override
	public void close() {
		this.node.close();
	}

	private void awaitLogin() {
		this.node.awaitReady(Duration.ofSeconds(120), Duration.ofSeconds(1), () -> {
			try (CqlSession session = session()) {
				return session.execute("SELECT release_version FROM system.local").one() != null;
			}
		});
	}

}
