package dev.keystone.events.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Makes an exactly-once Kafka Streams instance rebuild its local state after a stop that
 * was not a clean close (killed, out of memory, node lost).
 * <p>
 * Under {@code exactly_once_v2} local RocksDB stores may hold writes of a transaction
 * that was later aborted, so Kafka Streams must wipe them after a crash and restore from
 * the changelogs, which hold committed writes only. It decides that by the tasks'
 * checkpoint files, but Kafka Streams 3.9's state updater writes one when a task finishes
 * restoring and leaves it in place while the task runs (KAFKA-20685, fixed in 4.2). After
 * a crash the stores then start from that checkpoint, on top of the aborted writes: the
 * deduplicator remembers event ids whose transaction never committed and drops their
 * reprocessed events as duplicates, and the window session sets lose sessions.
 * <p>
 * This marker is written only after a clean close. When it is missing at start, every
 * task checkpoint of the application is deleted before Kafka Streams opens the state, so
 * the stores are wiped and restored from their changelogs.
 */
public final class CleanStopMarker implements StreamsBuilderFactoryBeanConfigurer {

	static final String MARKER = ".keystone-clean-stop";

	private static final String CHECKPOINT = ".checkpoint";

	private static final Logger log = LoggerFactory.getLogger(CleanStopMarker.class);

	@Override
	public void configure(StreamsBuilderFactoryBean factoryBean) {
		Path state = applicationStateDirectory(factoryBean.getStreamsConfiguration());
		distrustCheckpointsUnlessStoppedCleanly(state);
		factoryBean.addListener(new StreamsBuilderFactoryBean.Listener() {

			@Override
			public void streamsRemoved(String id, KafkaStreams streams) {
				markIfClosedCleanly(state, streams.state());
			}

		});
	}

	/**
	 * Deletes the task checkpoints under {@code state} if the last run did not mark a
	 * clean close, and removes the mark, so only the close of this run can set it again.
	 * @return the checkpoints deleted
	 */
	static List<Path> distrustCheckpointsUnlessStoppedCleanly(Path state) {
		try {
			Path marker = state.resolve(MARKER);
			if (Files.deleteIfExists(marker) || !Files.isDirectory(state)) {
				return List.of();
			}
			List<Path> checkpoints = taskCheckpoints(state);
			for (Path checkpoint : checkpoints) {
				Files.deleteIfExists(checkpoint);
			}
			if (!checkpoints.isEmpty()) {
				log.warn("state under {} was not closed cleanly: {} task checkpoints deleted, the stores are "
						+ "rebuilt from their changelogs", state, checkpoints.size());
			}
			return checkpoints;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot check the Kafka Streams state under " + state, ex);
		}
	}

	/**
	 * Marks a clean close: every task closed clean and wrote its checkpoint. A close that
	 * timed out or followed a failed stream thread leaves no mark.
	 */
	static boolean markIfClosedCleanly(Path state, KafkaStreams.State closedAs) {
		if (closedAs != KafkaStreams.State.NOT_RUNNING || !Files.isDirectory(state)) {
			log.info("Kafka Streams stopped in state {}: the next start rebuilds the local state", closedAs);
			return false;
		}
		try {
			Files.writeString(state.resolve(MARKER), "closed cleanly\n");
			return true;
		}
		catch (IOException ex) {
			log.warn("cannot mark the clean close under {}: the next start rebuilds the local state", state, ex);
			return false;
		}
	}

	/**
	 * The checkpoints of the tasks' stores; the global stores' is kept, as they read
	 * their topics directly and take no part in the transactions.
	 */
	private static List<Path> taskCheckpoints(Path state) throws IOException {
		try (Stream<Path> tasks = Files.list(state)) {
			return tasks.filter(Files::isDirectory)
				.filter((task) -> !task.getFileName().toString().equals("global"))
				.map((task) -> task.resolve(CHECKPOINT))
				.filter(Files::exists)
				.toList();
		}
	}

	private static Path applicationStateDirectory(Properties configuration) {
		String stateDir = configuration.getProperty(StreamsConfig.STATE_DIR_CONFIG,
				Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString());
		return Path.of(stateDir, configuration.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
	}

}
