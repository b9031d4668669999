package dev.keystone.routing.archive;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import dev.keystone.routing.sink.SinkMetrics;
import dev.keystone.routing.sink.SinkStatus;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.Timer;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * Archives {@code events.enriched} into the Iceberg table, each event exactly once.
 * <p>
 * Events are written into open data files as they arrive, and kept in memory until the
 * commit interval or a size bound is reached; then one Iceberg commit appends the files
 * and records, in the same snapshot, the next offset of every partition this reader owns.
 * The events kept let a commit that failed, or files given up, be written again without
 * reading the topic again. On assignment the reader seeks to the table's offsets, not the
 * consumer group's, so a crash between the commit and the group's offset commit repeats
 * nothing. Before each commit it checks that no other reader committed its partitions
 * meanwhile (a rebalance it slept through, or a commit whose outcome it never heard) and,
 * if one did, drops those events and reads on from the table's offsets.
 * <p>
 * Everything runs on the consumer's thread: batches, idle ticks and rebalances.
 */
public class ArchiveSink implements Consumer<Message<List<String>>> {

	static final String SINK = "archive";

	/** A partition with no offset in the table is read from its beginning. */
	private static final long FROM_BEGINNING = -1;

	private static final Logger log = LoggerFactory.getLogger(ArchiveSink.class);

	private final String topic;

	private final ArchiveCatalog catalog;

	private final EventRows rows;

	private final DataFileWriter files;

	private final ArchiveSettings settings;

	private final SinkStatus status;

	private final Clock clock;

	private final ArchiveMeters meters;

	private final ArchiveBuffer buffer = new ArchiveBuffer();

	/**
	 * Files holding the rows of exactly the buffered events, or none: given up after a
	 * failure or a drop, the commit writes the buffer again.
	 */
	private DataFileWriter.OpenFiles open;

	/** Buffered events that cannot become rows, counted as they are written. */
	private int unarchivable;

	/** Next offset per owned partition as the table holds it. */
	private final Map<Integer, Long> committed = new HashMap<>();

	private final Set<Integer> unpositioned = new HashSet<>();

	private final Backoff backoff;

	private org.apache.kafka.clients.consumer.Consumer<?, ?> consumer;

	/**
	 * Every batch read since the last commit: the group commits each one's offsets once
	 * the table holds it.
	 */
	private final List<Acknowledgment> pendingAcks = new ArrayList<>();

	private long firstBufferedAt;

	private volatile long oldestPendingMillis = Long.MAX_VALUE;

	private volatile long waitingSinceMillis = Long.MAX_VALUE;

	ArchiveSink(String topic, ArchiveCatalog catalog, EventRows rows, ArchiveSettings settings, SinkStatus status,
			Clock clock, ArchiveMeters meters, Backoff backoff) {
		this.topic = topic;
		this.catalog = catalog;
		this.rows = rows;
		this.files = new DataFileWriter(settings.targetFileSize().toBytes());
		this.settings = settings;
		this.status = status;
		this.clock = clock;
		this.meters = meters;
		this.backoff = backoff;
	}

	@Override
	public void accept(Message<List<String>> message) {
		MessageHeaders headers = message.getHeaders();
		org.apache.kafka.clients.consumer.Consumer<?, ?> from = headers.get(KafkaHeaders.CONSUMER,
				org.apache.kafka.clients.consumer.Consumer.class);
		if (from != null) {
			this.consumer = from;
		}
		List<?> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
		List<?> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
		List<?> timestamps = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP, List.class);
		if (!this.unpositioned.isEmpty()) {
			positionOrThrow();
		}
		List<String> events = message.getPayload();
		for (int i = 0; i < events.size(); i++) {
			int partition = ((Number) partitions.get(i)).intValue();
			long offset = ((Number) offsets.get(i)).longValue();
			if (this.unpositioned.contains(partition) || offset < expectedOffset(partition)) {
				continue;
			}
			if (this.buffer.isEmpty()) {
				this.firstBufferedAt = this.clock.millis();
			}
			long timestamp = (timestamps != null) ? ((Number) timestamps.get(i)).longValue() : this.clock.millis();
			writeAhead(this.buffer.add(partition, offset, events.get(i), timestamp));
		}
		Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
		if (acknowledgment != null) {
			this.pendingAcks.add(acknowledgment);
		}
		this.oldestPendingMillis = this.buffer.oldestMillis();
		if (due()) {
			commit();
		}
	}

	/**
	 * Commits events that have waited their interval while no new ones come.
	 * @param consumer the consumer of the container that went idle
	 */
	void idle(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
		if (consumer != this.consumer || !due() || !this.backoff.ready(this.clock.millis())) {
			return;
		}
		try {
			commit();
		}
		catch (StoreUnavailableException ex) {
			log.warn("archive commit failed, events kept for the next try in {}: {}",
					this.backoff.next(this.clock.millis()), ex.getMessage());
		}
	}

	void assigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		this.consumer = consumer;
		partitions.stream().filter((tp) -> this.topic.equals(tp.topic())).forEach((tp) -> {
			this.unpositioned.add(tp.partition());
			this.committed.remove(tp.partition());
		});
		try {
			position();
		}
		catch (RuntimeException ex) {
			waiting(ex);
			log.warn("archive cannot read its table's offsets yet, so it reads nothing until it can: {}",
					ex.getMessage());
		}
	}

	void revoked(Collection<TopicPartition> partitions) {
		Set<Integer> revoked = partitionsOf(partitions);
		boolean holdsRevoked = this.buffer.records().stream().anyMatch((p) -> revoked.contains(p.partition()));
		if (holdsRevoked) {
			try {
				commit();
			}
			catch (StoreUnavailableException ex) {
				log.warn("archive could not commit before giving up partitions {}; their next owner reads them "
						+ "again from the table's offsets: {}", revoked, ex.getMessage());
			}
		}
		drop(revoked);
		revoked.forEach((partition) -> {
			this.committed.remove(partition);
			this.unpositioned.remove(partition);
		});
		this.oldestPendingMillis = this.buffer.oldestMillis();
	}

	/**
	 * Age of the oldest event read but not yet committed, or of the wait for the store.
	 */
	double lagSeconds() {
		long oldest = Math.min(this.oldestPendingMillis, this.waitingSinceMillis);
		return (oldest == Long.MAX_VALUE) ? 0 : Math.max(0, this.clock.millis() - oldest) / 1000.0;
	}

	private long expectedOffset(int partition) {
		Long next = this.buffer.nextOffsets().get(partition);
		if (next == null) {
			next = this.committed.get(partition);
		}
		return (next != null) ? next : FROM_BEGINNING;
	}

	private boolean due() {
		return !this.buffer.isEmpty() && (this.buffer.size() >= this.settings.maxBufferedRecords()
				|| this.buffer.bytes() >= this.settings.maxBufferedBytes().toBytes()
				|| this.clock.millis() - this.firstBufferedAt >= this.settings.commitInterval().toMillis());
	}

	private void positionOrThrow() {
		try {
			position();
		}
		catch (RuntimeException ex) {
			waiting(ex);
			throw new StoreUnavailableException("archive table unavailable: " + ex.getMessage(), ex);
		}
	}

	private void position() {
		if (this.unpositioned.isEmpty() || this.consumer == null) {
			return;
		}
		Map<Integer, Long> offsets = TableOffsets.of(this.catalog.table(), this.topic, this.unpositioned);
		Map<Integer, Long> resumed = new TreeMap<>();
		List<TopicPartition> fromBeginning = new ArrayList<>();
		for (int partition : this.unpositioned) {
			Long offset = offsets.get(partition);
			if (offset != null) {
				this.consumer.seek(new TopicPartition(this.topic, partition), offset);
				resumed.put(partition, offset);
			}
			else {
				fromBeginning.add(new TopicPartition(this.topic, partition));
			}
			this.committed.put(partition, (offset != null) ? offset : FROM_BEGINNING);
		}
		if (!fromBeginning.isEmpty()) {
			this.consumer.seekToBeginning(fromBeginning);
		}
		log.info("archive resumes from the table's offsets partitions={} new partitions read from the start={}",
				resumed, fromBeginning.size());
		this.unpositioned.clear();
		if (this.buffer.isEmpty()) {
			recovered();
		}
	}

	private void commit() {
		Timer.Sample sample = Timer.start();
		int pending = this.buffer.size();
		log.debug("archive committing events={}", pending);
		try {
			Table table = this.catalog.table();
			dropTakenPartitions(table);
			DataFileWriter.OpenFiles files = filesOfTheBuffer(table);
			List<DataFile> written = files.complete();
			AppendFiles append = table.newAppend();
			written.forEach(append::appendFile);
			Map<Integer, Long> next = new HashMap<>(this.committed);
			next.putAll(this.buffer.nextOffsets());
			next.forEach((partition, offset) -> {
				if (offset != FROM_BEGINNING) {
					append.set(TableOffsets.key(this.topic, partition), String.valueOf(offset));
				}
			});
			append.commit();
			this.committed.putAll(next);
			committed(files.rows(), this.unarchivable);
			sample.stop(this.meters.sink().writeTime());
		}
		catch (RuntimeException ex) {
			this.meters.sink().retried().increment(pending);
			waiting(ex);
			throw new StoreUnavailableException("archive commit failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes an event into the open files as it arrives, so a commit only completes them;
	 * opens them for the first event after a commit. Once given up, the files stay closed
	 * until the commit writes the buffer again.
	 */
	private void writeAhead(ArchiveBuffer.Pending event) {
		if (this.open == null && this.buffer.size() > 1) {
			return;
		}
		try {
			if (this.open == null) {
				this.unarchivable = 0;
				this.open = this.files.open(this.catalog.table());
			}
			writeRow(this.open, event);
		}
		catch (RuntimeException ex) {
			this.open = null;
			log.debug("archive files given up until the commit writes them again: {}", ex.getMessage());
		}
	}

	/** The open files if they hold the buffer, else new files it is written into. */
	private DataFileWriter.OpenFiles filesOfTheBuffer(Table table) {
		DataFileWriter.OpenFiles files = this.open;
		this.open = null;
		if (files == null) {
			files = this.files.open(table);
			this.unarchivable = 0;
			for (ArchiveBuffer.Pending event : this.buffer.records()) {
				writeRow(files, event);
			}
		}
		return files;
	}

	private void writeRow(DataFileWriter.OpenFiles files, ArchiveBuffer.Pending event) {
		Record row;
		try {
			row = this.rows.toRow(event.json());
		}
		catch (UnarchivableException ex) {
			this.unarchivable++;
			log.warn("event not archived partition={} offset={} reason={}", event.partition(), event.offset(),
					ex.getMessage());
			return;
		}
		files.write(row);
	}

	/** Forgets the events of the partitions, and the files that held them. */
	private void drop(Set<Integer> partitions) {
		if (this.buffer.records().stream().anyMatch((event) -> partitions.contains(event.partition()))
				&& this.open != null) {
			this.open.abort();
			this.open = null;
		}
		this.buffer.drop(partitions);
	}

	private void committed(long archived, int unarchivable) {
		long now = this.clock.millis();
		SinkMetrics sink = this.meters.sink();
		sink.ok().increment(archived);
		sink.failed().increment(unarchivable);
		Timer freshness = this.meters.freshness();
		for (ArchiveBuffer.Pending event : this.buffer.records()) {
			freshness.record(Duration.ofMillis(Math.max(0, now - event.timestampMillis())));
		}
		this.meters.commits().increment();
		log.debug("archive committed events={} unarchivable={}", archived, unarchivable);
		this.buffer.clear();
		this.oldestPendingMillis = Long.MAX_VALUE;
		this.pendingAcks.forEach(Acknowledgment::acknowledge);
		this.pendingAcks.clear();
		recovered();
	}

	/**
	 * The store answers again: no more waiting, the next failure starts from the first
	 * pause.
	 */
	private void recovered() {
		this.waitingSinceMillis = Long.MAX_VALUE;
		this.backoff.reset();
		this.status.writing(SINK);
	}

	/**
	 * Partitions whose table offset moved without this reader: another reader owns them,
	 * or a commit this reader saw fail did land. Their events are dropped, and reading
	 * goes on from the table's offset.
	 */
	private void dropTakenPartitions(Table table) {
		Map<Integer, Long> inTable = TableOffsets.of(table, this.topic, this.committed.keySet());
		Set<Integer> taken = new HashSet<>();
		inTable.forEach((partition, offset) -> {
			if (!offset.equals(this.committed.get(partition))) {
				taken.add(partition);
			}
		});
		if (taken.isEmpty()) {
			return;
		}
		log.warn(
				"archive partitions {} were committed by another writer; their {} waiting events are dropped and "
						+ "reading resumes from the table's offsets",
				taken, this.buffer.records().stream().filter((p) -> taken.contains(p.partition())).count());
		drop(taken);
		for (int partition : taken) {
			long offset = inTable.get(partition);
			this.committed.put(partition, offset);
			if (this.consumer != null) {
				this.consumer.seek(new TopicPartition(this.topic, partition), offset);
			}
		}
	}

	private void waiting(RuntimeException cause) {
		if (this.waitingSinceMillis == Long.MAX_VALUE) {
			this.waitingSinceMillis = this.clock.millis();
		}
		this.status.waitingFor(SINK, String.valueOf(cause.getMessage()));
	}

	private Set<Integer> partitionsOf(Collection<TopicPartition> partitions) {
		Set<Integer> ids = new HashSet<>();
		partitions.stream().filter((tp) -> this.topic.equals(tp.topic())).forEach((tp) -> ids.add(tp.partition()));
		return ids;
	}

}
