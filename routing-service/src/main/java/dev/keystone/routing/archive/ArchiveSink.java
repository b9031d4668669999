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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.keystone.routing.sink.SinkMetrics;
import dev.keystone.routing.sink.SinkStatus;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.Timer;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
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
 * Events are written into open data files as they are read. At the commit interval, or
 * once a size bound is reached, one Iceberg commit appends the files and records, in the
 * same snapshot, the next offset of every partition this reader owns. On assignment the
 * reader seeks to the table's offsets, not the consumer group's, so a crash between the
 * commit and the group's offset commit repeats nothing.
 * <p>
 * A commit or a write that fails gives the open files up and rewinds: after a pause the
 * reader seeks every partition it owns back to the table's offsets and reads the events
 * again, as Iceberg's own Kafka Connect sink does, so memory holds no copy of the events.
 * Before each commit it checks that no other reader committed its partitions meanwhile (a
 * rebalance it slept through, or a commit whose outcome it never heard); if one did, it
 * rewinds too, to the offsets that reader left.
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

	private final UncommittedEvents uncommitted = new UncommittedEvents();

	/** Files holding the rows of the uncommitted events, if any were read. */
	private DataFileWriter.OpenFiles open;

	/** Uncommitted events that could not become rows. */
	private int unarchivable;

	/** Next offset per owned partition as the table holds it. */
	private final Map<Integer, Long> committed = new HashMap<>();

	private final Set<Integer> unpositioned = new HashSet<>();

	/**
	 * Set when the reader rewound: the batch in hand, if any, was read before, so it is
	 * skipped once the partitions are positioned again.
	 */
	private boolean rewound;

	private final Backoff backoff;

	private org.apache.kafka.clients.consumer.Consumer<?, ?> consumer;

	/**
	 * Every batch read since the last commit: the group commits each one's offsets once
	 * the table holds it.
	 */
	private final List<Acknowledgment> pendingAcks = new ArrayList<>();

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
		if (this.rewound) {
			positionOrThrow();
			this.rewound = false;
			log.info("archive reads again from its table's offsets {}", this.committed);
			return;
		}
		if (!this.unpositioned.isEmpty()) {
			positionOrThrow();
		}
		List<?> partitions = headers.get(KafkaHeaders.RECEIVED_PARTITION, List.class);
		List<?> offsets = headers.get(KafkaHeaders.OFFSET, List.class);
		List<?> timestamps = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP, List.class);
		List<String> events = message.getPayload();
		long now = this.clock.millis();
		for (int i = 0; i < events.size(); i++) {
			int partition = ((Number) partitions.get(i)).intValue();
			long offset = ((Number) offsets.get(i)).longValue();
			if (this.unpositioned.contains(partition) || offset < expectedOffset(partition)) {
				continue;
			}
			long timestamp = (timestamps != null) ? ((Number) timestamps.get(i)).longValue() : now;
			write(partition, offset, events.get(i), timestamp, now);
		}
		Acknowledgment acknowledgment = headers.get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
		if (acknowledgment != null) {
			this.pendingAcks.add(acknowledgment);
		}
		this.oldestPendingMillis = this.uncommitted.oldestMillis();
		if (due()) {
			commit();
		}
	}

	/**
	 * Commits events that have waited their interval while no new ones come, or, after a
	 * rewind, positions the partitions again once the pause is over.
	 * @param consumer the consumer of the container that went idle
	 */
	void idle(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer) {
		if (consumer != this.consumer || !this.backoff.ready(this.clock.millis())) {
			return;
		}
		if (this.rewound || !this.unpositioned.isEmpty()) {
			try {
				position();
			}
			catch (RuntimeException ex) {
				waiting(ex);
				log.warn("archive table still unavailable, next try in {}: {}", this.backoff.next(this.clock.millis()),
						ex.getMessage());
			}
			return;
		}
		if (!due()) {
			return;
		}
		try {
			commit();
		}
		catch (StoreUnavailableException ex) {
			log.warn("{}", ex.getMessage());
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
		if (this.uncommitted.holdsAny(revoked)) {
			try {
				commit();
			}
			catch (StoreUnavailableException ex) {
				log.warn("archive could not commit before giving up partitions {}; their next owner reads them "
						+ "again from the table's offsets: {}", revoked, ex.getMessage());
			}
		}
		revoked.forEach((partition) -> {
			this.committed.remove(partition);
			this.unpositioned.remove(partition);
		});
	}

	/**
	 * Age of the oldest event read but not yet committed, or of the wait for the store.
	 */
	double lagSeconds() {
		long oldest = Math.min(this.oldestPendingMillis, this.waitingSinceMillis);
		return (oldest == Long.MAX_VALUE) ? 0 : Math.max(0, this.clock.millis() - oldest) / 1000.0;
	}

	private long expectedOffset(int partition) {
		Long next = this.uncommitted.nextOffsets().get(partition);
		if (next == null) {
			next = this.committed.get(partition);
		}
		return (next != null) ? next : FROM_BEGINNING;
	}

	private boolean due() {
		return !this.uncommitted.isEmpty() && (this.uncommitted.size() >= this.settings.maxBufferedRecords()
				|| this.uncommitted.bytes() >= this.settings.maxBufferedBytes().toBytes() || this.clock.millis()
						- this.uncommitted.firstReadAtMillis() >= this.settings.commitInterval().toMillis());
	}

	/**
	 * Writes one event into the open files, opening them for the first event after a
	 * commit. A failure gives them up and rewinds.
	 */
	private void write(int partition, long offset, String json, long timestamp, long now) {
		try {
			if (this.open == null) {
				this.open = this.files.open(this.catalog.table());
			}
			try {
				this.open.write(this.rows.toRow(json));
			}
			catch (UnarchivableException ex) {
				this.unarchivable++;
				log.warn("event not archived partition={} offset={} reason={}", partition, offset, ex.getMessage());
			}
			this.uncommitted.add(partition, offset, json.length(), timestamp, now);
		}
		catch (RuntimeException ex) {
			throw failed("archive write failed", ex);
		}
	}

	private void positionOrThrow() {
		if (!this.backoff.ready(this.clock.millis())) {
			throw new StoreUnavailableException("archive waits before reading again", null);
		}
		try {
			position();
		}
		catch (RuntimeException ex) {
			waiting(ex);
			throw new StoreUnavailableException("archive table unavailable, next try in "
					+ this.backoff.next(this.clock.millis()) + ": " + ex.getMessage(), ex);
		}
	}

	private void position() {
		if (this.consumer == null) {
			return;
		}
		Set<Integer> owned = new HashSet<>(this.unpositioned);
		if (this.rewound) {
			owned.addAll(this.committed.keySet());
		}
		if (owned.isEmpty()) {
			return;
		}
		Map<Integer, Long> offsets = TableOffsets.of(this.catalog.table(), this.topic, owned);
		Map<Integer, Long> resumed = new TreeMap<>();
		List<TopicPartition> fromBeginning = new ArrayList<>();
		for (int partition : owned) {
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
		if (!this.rewound) {
			recovered();
		}
	}

	private void commit() {
		Timer.Sample sample = Timer.start();
		log.debug("archive committing events={}", this.uncommitted.size());
		try {
			Table table = this.catalog.table();
			if (takenByAnotherWriter(table)) {
				rewind();
				return;
			}
			DataFileWriter.OpenFiles files = this.open;
			this.open = null;
			List<DataFile> written = (files != null) ? files.complete() : List.of();
			AppendFiles append = table.newAppend();
			written.forEach(append::appendFile);
			Map<Integer, Long> next = new HashMap<>(this.committed);
			next.putAll(this.uncommitted.nextOffsets());
			next.forEach((partition, offset) -> {
				if (offset != FROM_BEGINNING) {
					append.set(TableOffsets.key(this.topic, partition), String.valueOf(offset));
				}
			});
			append.commit();
			this.committed.putAll(next);
			committed((files != null) ? files.rows() : 0, this.unarchivable);
			sample.stop(this.meters.sink().writeTime());
		}
		catch (RuntimeException ex) {
			throw failed("archive commit failed", ex);
		}
	}

	/**
	 * Gives up the open files and what was read into them, and schedules the reader's
	 * return to the table's offsets after a pause.
	 */
	private StoreUnavailableException failed(String what, RuntimeException cause) {
		this.meters.sink().retried().increment(this.uncommitted.size());
		rewind();
		waiting(cause);
		Duration pause = this.backoff.next(this.clock.millis());
		return new StoreUnavailableException(
				what + ", read again from the table's offsets in " + pause + ": " + cause.getMessage(), cause);
	}

	private void rewind() {
		if (this.open != null) {
			this.open.abort();
			this.open = null;
		}
		this.uncommitted.clear();
		this.unarchivable = 0;
		this.oldestPendingMillis = Long.MAX_VALUE;
		this.pendingAcks.clear();
		this.rewound = true;
	}

	private void committed(long archived, int unarchivable) {
		long now = this.clock.millis();
		SinkMetrics sink = this.meters.sink();
		sink.ok().increment(archived);
		sink.failed().increment(unarchivable);
		Timer freshness = this.meters.freshness();
		this.uncommitted
			.forEachArrival((arrival) -> freshness.record(Math.max(0, now - arrival), TimeUnit.MILLISECONDS));
		this.meters.commits().increment();
		log.debug("archive committed events={} unarchivable={}", archived, unarchivable);
		this.uncommitted.clear();
		this.unarchivable = 0;
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
	 * Whether the table offset of a partition moved without this reader: another reader
	 * owns it, or a commit this reader saw fail did land.
	 */
	private boolean takenByAnotherWriter(Table table) {
		Map<Integer, Long> inTable = TableOffsets.of(table, this.topic, this.committed.keySet());
		Set<Integer> taken = new HashSet<>();
		inTable.forEach((partition, offset) -> {
			if (!offset.equals(this.committed.get(partition))) {
				taken.add(partition);
			}
		});
		if (taken.isEmpty()) {
			return false;
		}
		log.warn("archive partitions {} were committed by another writer; the {} events read since the last commit "
				+ "are dropped and reading resumes from the table's offsets", taken, this.uncommitted.size());
		return true;
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
