package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A Kafka broker of its own whose only client listener is SASL_PLAINTEXT with the PLAIN
 * mechanism, for tests of the services' Kafka credentials (the README's "Credentials").
 * It runs the launcher's Kafka (fetched by {@code bin/keystone fetch}) on free ports,
 * with a small heap, and is gone when closed.
 */
public final class SaslKafka implements AutoCloseable {

	/** The user the services log in as. */
	public static final String USERNAME = "keystone";

	/** Its password. */
	public static final String PASSWORD = "keystone-secret";

	private static final String KAFKA_VERSION = "3.9.1";

	private final ScratchServer broker;

	private SaslKafka(ScratchServer broker) {
		this.broker = broker;
	}

	/**
	 * Starts the broker and waits until the user can log in.
	 * @return the running broker
	 */
	public static SaslKafka start() {
		try {
			ScratchServer.Workspace workspace = ScratchServer.prepare("SASL Kafka", "kafka-" + KAFKA_VERSION,
					"keystone-sasl-kafka");
			Path home = workspace.home();
			int controllerPort = LauncherCache.freePort();
			Path config = home.resolve("server.properties");
			Files.writeString(config, serverProperties(home, workspace.port(), controllerPort));
			String java = ScratchServer.java();
			String classpath = workspace.lib() + "/*";
			LauncherCache.run(List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format", "-t", clusterId(),
					"-c", config.toString()), home.resolve("format.log"));
			SaslKafka kafka = new SaslKafka(ScratchServer.start(workspace, Duration.ofSeconds(20),
					List.of(java, "-Xms256m", "-Xmx256m", "-cp", classpath, "kafka.Kafka", config.toString())));
			kafka.awaitLogin();
			return kafka;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String bootstrapServers() {
		return this.broker.address();
	}

	/**
	 * Client settings that log in as {@link #USERNAME}.
	 * @return settings for a producer, consumer or admin client
	 */
	public Map<String, Object> clientProperties() {
		return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT", SaslConfigs.SASL_MECHANISM, "PLAIN",
				SaslConfigs.SASL_JAAS_CONFIG,
				"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + USERNAME
						+ "\" password=\"" + PASSWORD + "\";");
	}

	/**
	 * Creates topics, as the Helm chart's topics Job does before the services start.
	 * @param partitions partitions of each
	 * @param names the topics
	 */
	public void createTopics(int partitions, String... names) {
		try (Admin admin = Admin.create(clientProperties())) {
			admin.createTopics(Stream.of(names).map((name) -> new NewTopic(name, partitions, (short) 1)).toList())
				.all()
				.get();
		}
		catch (Exception ex) {
			throw new IllegalStateException("creating topics failed", ex);
		}
	}

	@Override
	public void close() {
		this.broker.close();
	}

	private void awaitLogin() {
		this.broker.awaitReady(Duration.ofSeconds(60), Duration.ofMillis(500), () -> {
			try (Admin admin = Admin.create(clientProperties())) {
				return admin.describeCluster().nodes().get().size() == 1;
			}
		});
	}

	private static String serverProperties(Path home, int port, int controllerPort) {
		Properties properties = new Properties();
		properties.putAll(Map.ofEntries(Map.entry("process.roles", "broker,controller"), Map.entry("node.id", "1"),
				Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
				Map.entry("listeners",
						"SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
				Map.entry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port),
				Map.entry("controller.listener.names", "CONTROLLER"),
				Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
				Map.entry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT"),
				Map.entry("sasl.enabled.mechanisms", "PLAIN"),
				Map.entry("sasl.mechanism.inter.broker.protocol", "PLAIN"),
				Map.entry("listener.name.sasl_plaintext.plain.sasl.jaas.config",
						"org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" "
								+ "password=\"admin-secret\" user_admin=\"admin-secret\" user_" + USERNAME + "=\""
								+ PASSWORD + "\";"),
				Map.entry("log.dirs", home.resolve("data").toString()), Map.entry("num.partitions", "1"),
				Map.entry("offsets.topic.replication.factor", "1"), Map.entry("offsets.topic.num.partitions", "4"),
				Map.entry("transaction.state.log.replication.factor", "1"),
				Map.entry("transaction.state.log.num.partitions", "4"), Map.entry("transaction.state.log.min.isr", "1"),
				Map.entry("group.initial.rebalance.delay.ms", "0")));
		StringBuilder text = new StringBuilder();
		properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
		return text.toString();
	}

	private static String clusterId() {
		UUID uuid = UUID.randomUUID();
		ByteBuffer bytes = ByteBuffer.allocate(16);
		bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
		// An id starting with '-' would be read as an option (1 in 64); 'A' keeps it 16
		// bytes of base64.
		return id.startsWith("-") ? "A" + id.substring(1) : id;
	}

}
