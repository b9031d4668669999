package dev.keystone.routing.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.keystone.routing.PipelineRecords;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.ServiceProcess;
import dev.keystone.testkit.TopicWriter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The archive killed as a crash kills it (SIGKILL), once while it writes a commit's data
 * files and once between the catalog commit and the consumer group's offset commit: after
 * each restart it reads on from the table's offsets, and every event is in the table
 * exactly once.
 */
class ArchiveCrashIT {

	/** Sent over about 40 s, so events keep coming through both restarts. */
	private static final int EVENTS = 3000;

	@Test
	void aKilledArchiveResumesFromItsTableWithoutDuplicatesOrGaps() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		String title = "crash-" + run;
		String table = "keystone.crash_" + run;
		String topic = "archive-crash-" + run;
		createTopic(topic);
		String[] arguments = { "--keystone.routing.archive.table=" + table,
				"--spring.cloud.stream.bindings.archiveEvents-in-0.destination=" + topic,
				"--spring.cloud.stream.bindings.archiveEvents-in-0.group=keystone-archive-crash-" + run,
				// A restarted replica with the same instance id takes its partitions back
				// at once.
				"--spring.cloud.stream.kafka.bindings.archiveEvents-in-0.consumer.configuration.group.instance.id=crash-"
						+ run,
				"--keystone.routing.archive.commit-interval=200ms",
				"--keystone.routing.archive.max-buffered-records=100",
				"--spring.cloud.stream.bindings.storeEvents-in-0.consumer.auto-startup=false",
				"--spring.cloud.stream.bindings.storeViewerCounts-in-0.consumer.auto-startup=false",
				"--spring.cloud.stream.bindings.storeAnomalies-in-0.consumer.auto-startup=false",
				"--logging.level.dev.keystone.routing.archive=debug",
				"--logging.level.org.apache.iceberg.SnapshotProducer=info" };

		ServiceProcess archive = ServiceProcess.start("routing-service", Map.of(), arguments);
		CompletableFuture<List<String>> sending = CompletableFuture.supplyAsync(() -> send(topic, title));
		try {
			awaitLine(archive, "archive committing events=", 3);
			archive.kill();
			archive = ServiceProcess.start("routing-service", Map.of(), arguments);
			awaitLine(archive, "Committed snapshot", 3);
			archive.kill();
			archive = ServiceProcess.start("routing-service", Map.of(), arguments);
			List<String> sent = sending.get();

			ArchiveSettings settings = ArchiveSettingsForTests.of(KeystoneStack.shared(), table);
			try (ArchiveCatalog catalog = new ArchiveCatalog(settings)) {
				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofSeconds(1))
					.ignoreExceptions()
					.until(() -> ArchiveRows.eventIdsOfTitle(catalog.table(), title).size() >= sent.size());
				List<String> archived = ArchiveRows.eventIdsOfTitle(catalog.table(), title);
				assertThat(new HashSet<>(archived)).hasSize(archived.size());
				assertThat(archived).containsExactlyInAnyOrderElementsOf(sent);
			}
			assertThat(Files.readString(archive.log())).contains("archive resumes from the table's offsets");
		}
		finally {
			archive.close();
		}
	}

	private static void createTopic(String topic) throws Exception {
		try (Admin admin = Admin.create(
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KeystoneStack.shared().kafkaBootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
		}
	}

	private static List<String> send(String topic, String title) {
		List<String> sent = new ArrayList<>();
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int i = 0; i < EVENTS; i++) {
				String id = title + "-" + i;
				writer.send(topic, "dev-" + (i % 50),
						PipelineRecords.enriched(id, title, "Crash", "heartbeat", Instant.now(), "SE"));
				sent.add(id);
				if (i % 100 == 99) {
					pause(Duration.ofMillis(1300));
				}
			}
		}
		return sent;
	}

	/** Waits until the service has logged a line {@code times} times. */
	private static void awaitLine(ServiceProcess service, String line, int times) {
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() -> {
			try {
				String log = Files.readString(service.log());
				return log.split(java.util.regex.Pattern.quote(line), -1).length - 1 >= times;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
