package dev.keystone.processing.windowing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import dev.keystone.processing.system.StateStores;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums the partials of the windows keyed to this task and emits a window once the
 * watermark of every raw partition has passed its end, then how far it has emitted.
 */
final class WindowMerge implements ProcessorSupplier<String, byte[], String, Closing> {

	static final String WATERMARKS = "window-watermarks";

	static final String TOTALS = "window-totals";

	private static final Logger log = LoggerFactory.getLogger(WindowMerge.class);

	/** Also retries when the partition count was unknown at the last watermark. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	private final DeclaredSeries declared;

	private final PartitionProgress progress;

	private final StateStores stores;

	private final io.micrometer.core.instrument.Counter latePartials;

	WindowMerge(DeclaredSeries declared, PartitionProgress progress, StateStores stores, MeterRegistry registry) {
		this.declared = declared;
		this.progress = progress;
		this.stores = stores;
		this.latePartials = io.micrometer.core.instrument.Counter.builder("keystone.processing.windows.late.partials")
			.description("Window sums that reached the merge after the window was emitted; a sign that the "
					+ "partition count of events.raw changed")
			.register(registry);
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(
				Stores.keyValueStoreBuilder(this.stores.keyValue(WATERMARKS), Serdes.Integer(), Serdes.Long())
					.withCachingEnabled(),
				Stores.keyValueStoreBuilder(this.stores.keyValue(TOTALS), Serdes.Bytes(), Serdes.ByteArray())
					.withCachingEnabled());
	}

	@Override
	public Processor<String, byte[], String, Closing> get() {
		return new Merging();
	}

	private final class Merging implements Processor<String, byte[], String, Closing> {

		private ProcessorContext<String, Closing> context;

		private KeyValueStore<Integer, Long> watermarkStore;

		private KeyValueStore<Bytes, byte[]> totals;

		private final Map<Integer, Long> watermarks = new HashMap<>();

		private long emitted = Long.MIN_VALUE;

		@Override
		public void init(ProcessorContext<String, Closing> context) {
			this.context = context;
			this.watermarkStore = context.getStateStore(WATERMARKS);
			this.totals = context.getStateStore(TOTALS);
			try (KeyValueIterator<Integer, Long> all = this.watermarkStore.all()) {
				all.forEachRemaining((entry) -> this.watermarks.put(entry.key, entry.value));
			}
			Long low = low();
			if (low != null) {
				this.emitted = low;
			}
			context.schedule(RETRY, PunctuationType.WALL_CLOCK_TIME, (now) -> emitClosed());
		}

		@Override
		public void process(Record<String, byte[]> record) {
			WindowRecord received = WindowRecord.of(record.value(), WindowMerge.this.declared);
			if (received instanceof WindowRecord.Watermark watermark) {
				if (watermark.through() > this.watermarks.getOrDefault(watermark.partition(), Long.MIN_VALUE)) {
					this.watermarks.put(watermark.partition(), watermark.through());
					this.watermarkStore.put(watermark.partition(), watermark.through());
					emitClosed();
				}
				return;
			}
			WindowRecord.Partial partial = (WindowRecord.Partial) received;
			if (partial.end() <= this.emitted) {
				WindowMerge.this.latePartials.increment();
				log.warn("window sum after its window was emitted series={} key={} end={}", partial.series(),
						record.key(), Instant.ofEpochMilli(partial.end()));
				return;
			}
			Bytes key = WindowKeys.window(partial.end(), partial.series(), record.key());
			byte[] stored = this.totals.get(key);
			int counters = partial.series().counters().size();
			Tally total = (stored != null) ? Tally.of(stored, counters) : new Tally(counters);
			total.merge(partial.counts(), partial.approximate());
			this.totals.put(key, total.bytes());
		}

		private void emitClosed() {
			Long low = low();
			if (low == null || low <= this.emitted) {
				return;
			}
			this.emitted = low;
			for (KeyValue<Bytes, byte[]> window : WindowKeys.endingBy(this.totals, low)) {
				Series series = WindowMerge.this.declared.get(WindowKeys.seriesId(window.key));
				Tally total = Tally.of(window.value, series.counters().size());
				long end = WindowKeys.end(window.key);
				ClosedWindow closed = new ClosedWindow(series, WindowKeys.key(window.key),
						Instant.ofEpochMilli(end - series.sizeMs()), Instant.ofEpochMilli(end), total.counts(),
						total.approximate());
				this.context.forward(new Record<>(closed.key(), closed, end));
				this.totals.delete(window.key);
			}
			this.context.forward(new Record<>("", new ClosedThrough(Instant.ofEpochMilli(low)), low));
		}

		/** The lowest watermark over all raw partitions; null until each has sent one. */
		private Long low() {
			int partitions = WindowMerge.this.progress.partitions();
			if (partitions <= 0) {
				return null;
			}
			long low = Long.MAX_VALUE;
			for (int partition = 0; partition < partitions; partition++) {
				Long watermark = this.watermarks.get(partition);
				if (watermark == null) {
					return null;
				}
				low = Math.min(low, watermark);
			}
			return low;
		}

	}

}
