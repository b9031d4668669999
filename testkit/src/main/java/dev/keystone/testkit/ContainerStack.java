package dev.keystone.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The same servers as containers, for machines with a Docker engine. A stop pauses the
 * container rather than removing it, so its mapped ports and data survive the outage the
 * way a restarted server's would.
 */
final class ContainerStack implements KeystoneStack {

	private final KafkaContainer kafka;

	private final ElasticsearchContainer elasticsearch;

	private final CassandraContainer cassandra;

	private final GenericContainer<?> s3;

	private final Path catalog;

	private ContainerStack(KafkaContainer kafka, ElasticsearchContainer elasticsearch, CassandraContainer cassandra,
			GenericContainer<?> s3, Path catalog) {
		this.kafka = kafka;
		this.elasticsearch = elasticsearch;
		this.cassandra = cassandra;
		this.s3 = s3;
		this.catalog = catalog;
	}

	static ContainerStack start() {
		KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
		ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
				DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:8.19.21"))
			.withEnv(Map.of("xpack.security.enabled", "false", "ES_JAVA_OPTS", "-Xms512m -Xmx512m"));
		CassandraContainer cassandra = new CassandraContainer(DockerImageName.parse("cassandra:5.0"));
		GenericContainer<?> s3 = new GenericContainer<>(DockerImageName.parse("andrewgaul/s3proxy:s3proxy-2.6.0"))
			.withEnv(Map.of("S3PROXY_AUTHORIZATION", "aws-v2-or-v4", "S3PROXY_IDENTITY", "keystone",
					"S3PROXY_CREDENTIAL", "keystone-local-secret", "JCLOUDS_PROVIDER", "filesystem-nio2",
					"JCLOUDS_FILESYSTEM_BASEDIR", "/data"))
			.withExposedPorts(80);
		Startables.deepStart(kafka, elasticsearch, cassandra, s3).join();
		exec(s3, "mkdir", "-p", "/data/keystone-archive");
		try {
			ContainerStack stack = new ContainerStack(kafka, elasticsearch, cassandra, s3,
					Files.createTempDirectory("keystone-catalog").resolve("catalog.db"));
			stack.createTopics();
			return stack;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void createTopics() {
		for (String topic : new String[] { "events.raw", "events.enriched", "events.rejected", "viewers.counts",
				"anomalies", "alerts", "catalog.titles", "events.replay" }) {
			String cleanup = topic.equals("catalog.titles") ? "compact" : "delete";
			exec(this.kafka, "/opt/kafka/bin/kafka-topics.sh", "--bootstrap-server", "localhost:9092", "--create",
					"--if-not-exists", "--topic", topic, "--partitions", "12", "--config", "cleanup.policy=" + cleanup);
		}
	}

	private static void exec(GenericContainer<?> container, String... command) {
		try {
			container.execInContainer(command);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not run " + command[0] + " in " + container.getDockerImageName(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

	@Override
	public String kafkaBootstrapServers() {
		return this.kafka.getBootstrapServers();
	}

	@Override
	public String elasticsearchUri() {
		return "http://" + this.elasticsearch.getHttpHostAddress();
	}

	@Override
	public String cassandraContactPoint() {
		return this.cassandra.getHost() + ":" + this.cassandra.getMappedPort(9042);
	}

	@Override
	public String s3Endpoint() {
		return "http://" + this.s3.getHost() + ":" + this.s3.getMappedPort(80);
	}

	@Override
	public String archiveCatalogUri() {
		return "jdbc:sqlite:" + this.catalog;
	}

	@Override
	public void stop(Server server) {
		GenericContainer<?> container = container(server);
		container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
	}

	@Override
	public void start(Server server) {
		GenericContainer<?> container = container(server);
		container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
	}

	private GenericContainer<?> container(Server server) {
		return switch (server) {
			case KAFKA -> this.kafka;
			case ELASTICSEARCH -> this.elasticsearch;
			case CASSANDRA -> this.cassandra;
			case S3 -> this.s3;
		};
	}

}
