package dev.keystone.processing.windowing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.keystone.events.Event;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.system.WindowSettings;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The clock and the window sums of one {@code events.raw} partition. The clock is the
 * newest event time seen, taken no later than the event's {@code receivedAt} so that a
 * device clock running fast cannot close everyone's windows. Windows ending at least the
 * grace behind it are closed: their sums go to the merging tasks, followed by a
 * watermark. An event whose 10 s step has closed is {@code late}: it goes on to be
 * stored, flagged, and is counted in no window, so that every window counts exactly the
 * stored events of its time that are not flagged.
 */
final class PartitionWindows implements ProcessorSupplier<String, Event, String, Staged> {

	static final String CLOCK = "window-clock";

	static final String TALLIES = "window-tallies";

	static final String SESSIONS = "window-sessions";

	private static final String OBSERVED = "observed";

	private static final String CLOSED = "closed";

	private static final Duration IDLE_CHECK = Duration.ofSeconds(1);

	private final List<Contributor> contributors;

	private final DeclaredSeries declared;

	private final WindowSettings settings;

	private final SessionSketch sketch;

	private final PartitionProgress progress;

	private final StageCounters counters;

	private final StateStores stores;

	PartitionWindows(List<Contributor> contributors, DeclaredSeries declared, WindowSettings settings,
			SessionSketch sketch, PartitionProgress progress, StageCounters counters, StateStores stores) {
		this.contributors = contributors;
		this.declared = declared;
		this.settings = settings;
		this.sketch = sketch;
		this.progress = progress;
		this.counters = counters;
		this.stores = stores;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		// Changelogged (the default): a restored task resumes with the same clock and
		// sums.
		return Set.of(
				Stores.keyValueStoreBuilder(this.stores.keyValue(CLOCK), Serdes.String(), Serdes.Long())
					.withCachingEnabled(),
				Stores.keyValueStoreBuilder(this.stores.keyValue(TALLIES), Serdes.Bytes(), Serdes.ByteArray())
					.withCachingEnabled(),
				// Not cached: sessions are looked up in memory (see OpenSessions), and
				// the
				// cache's sorted map grows slow with this many keys.
				Stores.keyValueStoreBuilder(this.stores.keyValue(SESSIONS), Serdes.Bytes(), Serdes.ByteArray())
					.withCachingDisabled());
	}

	@Override
	public Processor<String, Event, String, Staged> get() {
		return new ClockedPartition();
	}

	private final class ClockedPartition implements Processor<String, Event, String, Staged> {

		private ProcessorContext<String, Staged> context;

		private KeyValueStore<String, Long> clockStore;

		private KeyValueStore<Bytes, byte[]> tallies;

		private KeyValueStore<Bytes, byte[]> sessions;

		private OpenSessions openSessions;

		/**
		 * The tallies of the open windows as objects, so an event does not read and
		 * decode its window's tally from the store; the store is still written on every
		 * change, and stays what a restarted task resumes from.
		 */
		private final Map<Bytes, Tally> openTallies = new HashMap<>();

		private int partition;

		private long observed;

		private long closed;

		private long lastRecordAt;

		@Override
		public void init(ProcessorContext<String, Staged> context) {
			this.context = context;
			this.clockStore = context.getStateStore(CLOCK);
			this.tallies = context.getStateStore(TALLIES);
			this.openTallies.clear();
			this.sessions = context.getStateStore(SESSIONS);
			this.openSessions = OpenSessions.of(this.sessions);
			this.partition = context.taskId().partition();
			this.observed = stored(OBSERVED);
			this.closed = stored(CLOSED);
			this.lastRecordAt = context.currentSystemTimeMs();
			context.schedule(IDLE_CHECK, PunctuationType.WALL_CLOCK_TIME, this::checkIdle);
		}

		private long stored(String name) {
			Long value = this.clockStore.get(name);
			return (value != null) ? value : Long.MIN_VALUE;
		}

		@Override
		public void process(Record<String, Event> record) {
			Event event = record.value();
			long time = event.timestamp().toEpochMilli();
			this.lastRecordAt = this.context.currentSystemTimeMs();
			long stepEnd = Math.floorDiv(time, Series.STEP_MS) * Series.STEP_MS + Series.STEP_MS;
			PartitionWindows.this.counters.cleansed();
			if (stepEnd <= this.closed) {
				PartitionWindows.this.counters.late();
				this.context.forward(record.withValue(new Arrival(event, true)));
				return;
			}
			for (Contributor contributor : PartitionWindows.this.contributors) {
				contributor.contribute(event, (contribution) -> add(contribution, time));
			}
			this.openSessions.writeTo(this.sessions);
			this.context.forward(record.withValue(new Arrival(event, false)));
			long receivedAt = (event.receivedAt() != null) ? event.receivedAt().toEpochMilli() : record.timestamp();
			advance(Math.min(time, receivedAt));
		}

		private void add(Contribution contribution, long time) {
			Series series = contribution.series();
			long end = series.start(time) + series.sizeMs();
			Counters layout = series.counters();
			long[] increment = contribution.increment().values();
			Bytes key = WindowKeys.window(end, series, contribution.key());
			Tally tally = this.openTallies.get(key);
			if (tally == null) {
				byte[] stored = this.tallies.get(key);
				tally = (stored != null) ? Tally.of(stored, layout.size()) : new Tally(layout.size());
				this.openTallies.put(key, tally);
			}
			tally.add(layout, increment);
			if (contribution.session() != null) {
				countSession(tally, end, series, contribution.key(), contribution.session());
				for (int subset : layout.sessionSubsets()) {
					if (increment[subset] != 0 && this.openSessions.add(end, series, contribution.session(),
							OpenSessions.subsetKey(subset, contribution.key()))) {
						tally.newSession(subset);
					}
				}
			}
			this.tallies.put(key, tally.bytes());
		}

		private void countSession(Tally tally, long end, Series series, String key, String session) {
			if (tally.sketched()) {
				tally.sketch(session);
				return;
			}
			if (!this.openSessions.add(end, series, session, key)) {
				return;
			}
			tally.newSession(Counters.SESSIONS);
			if (tally.counts()[Counters.SESSIONS] > PartitionWindows.this.sketch.exactLimit()) {
				tally.startSketch(PartitionWindows.this.sketch.lgK());
				this.openSessions.of(end, series, key).forEach(tally::sketch);
			}
		}

		/**
		 * A partition read to its end that has had no records for a while is quiet, not
		 * behind: its clock follows the wall clock, held back by the idle time.
		 */
		private void checkIdle(long now) {
			Duration idleAfter = PartitionWindows.this.settings.idleAfter();
			if (now - this.lastRecordAt >= idleAfter.toMillis()
					&& PartitionWindows.this.progress.caughtUp(this.partition)) {
				advance(now - idleAfter.toMillis());
			}
		}

		private void advance(long time) {
			if (time <= this.observed) {
				return;
			}
			this.observed = time;
			this.clockStore.put(OBSERVED, time);
			long through = Math.floorDiv(time - PartitionWindows.this.settings.grace().toMillis(), Series.STEP_MS)
					* Series.STEP_MS;
			if (through > this.closed) {
				this.closed = through;
				this.clockStore.put(CLOSED, through);
				close(through);
			}
		}

		private void close(long through) {
			for (KeyValue<Bytes, byte[]> window : WindowKeys.endingBy(this.tallies, through)) {
				Series series = PartitionWindows.this.declared.get(WindowKeys.seriesId(window.key));
				Tally tally = Tally.of(window.value, series.counters().size());
				long start = WindowKeys.end(window.key) - series.sizeMs();
				WindowRecord partial = new WindowRecord.Partial(series, start, tally.counts(), tally.approximate());
				this.context.forward(new Record<>(WindowKeys.key(window.key), new Staged.Wire(partial.bytes()),
						WindowKeys.end(window.key)));
				this.tallies.delete(window.key);
				this.openTallies.remove(window.key);
			}
			this.openSessions.removeEndingBy(through).forEach(this.sessions::delete);
			WindowRecord watermark = new WindowRecord.Watermark(this.partition, through);
			this.context.forward(new Record<>("", new Staged.Wire(watermark.bytes()), through));
		}

	}

}
