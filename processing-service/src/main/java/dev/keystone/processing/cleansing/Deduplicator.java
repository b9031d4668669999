package dev.keystone.processing.cleansing;

import java.time.Duration;
import java.util.Set;

import dev.keystone.events.Event;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Lets the first copy of each {@code eventId} through and drops later copies seen within
 * the retention. Raw events are keyed by {@code deviceId}, and one event id belongs to
 * one device, so every copy of an event lands on the same partition and this task: no
 * repartition by event id is needed. Events without an id cannot be told apart and pass.
 */
final class Deduplicator implements ProcessorSupplier<String, Event, String, Event> {

	static final String STORE = "dedupe-event-ids";

	private static final long CLOCK_DISAGREEMENT_MS = 60_000;

	private final Duration retention;

	private final StageCounters counters;

	private final StateStores stores;

	Deduplicator(Duration retention, StageCounters counters, StateStores stores) {
		this.retention = retention;
		this.counters = counters;
		this.stores = stores;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		// Changelogged (the default), so a restored task remembers what it has seen.
		return Set.of(Stores.windowStoreBuilder(this.stores.window(STORE, this.retention, this.retention),
				Serdes.String(), Serdes.Long()));
	}

	@Override
	public Processor<String, Event, String, Event> get() {
		return new Processor<>() {

			private ProcessorContext<String, Event> context;

			private WindowStore<String, Long> seen;

			@Override
			public void init(ProcessorContext<String, Event> context) {
				this.context = context;
				this.seen = context.getStateStore(STORE);
			}

			@Override
			public void process(Record<String, Event> record) {
				String eventId = record.value().eventId();
				if (eventId == null) {
					this.context.forward(record);
					return;
				}
				// Ingest time, not event time: the store expires by the highest time put
				// into it, and a week-old event time would be expired on arrival.
				long time = record.timestamp();
				if (seenBefore(eventId, time)) {
					Deduplicator.this.counters.duplicate();
					return;
				}
				this.seen.put(eventId, time, time);
				this.context.forward(record);
			}

			private boolean seenBefore(String eventId, long time) {
				// A copy normally arrives after the first; the minute ahead covers ingest
				// instances whose clocks disagree, without searching the whole retention.
				long span = Deduplicator.this.retention.toMillis();
				try (WindowStoreIterator<Long> copies = this.seen.fetch(eventId, Math.max(0, time - span),
						time + CLOCK_DISAGREEMENT_MS)) {
					return copies.hasNext();
				}
			}

		};
	}

}
