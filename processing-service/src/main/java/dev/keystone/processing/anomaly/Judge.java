package dev.keystone.processing.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.windowing.ClosedThrough;
import dev.keystone.processing.windowing.ClosedWindow;
import dev.keystone.processing.windowing.Closing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs the {@link Detector} over every metric of each closed scope window, keeping the
 * baselines in a changelogged store keyed by {@code metric:scope}. Each window reaches
 * this once, when every partition has passed it, so each metric, scope and window yields
 * at most one anomaly. When a minute has closed in which some scope of this task had
 * events, a scope with a viewer baseline but no window in it is judged as an empty
 * window: no viewers at all.
 */
final class Judge implements ProcessorSupplier<String, Closing, String, String> {

	static final String STORE = "anomaly-baselines";

	private static final long MINUTE_MS = ScopeSeries.ONE_MINUTE.sizeMs();

	/**
	 * A silent scope whose viewer baseline has fallen below one viewer is forgotten, so
	 * scopes that ended are not swept forever; it starts a new baseline if it returns.
	 */
	private static final double FORGOTTEN_BELOW = 1;

	private final Detector detector;

	private final ObjectMapper mapper;

	private final MeterRegistry registry;

	private final StateStores stores;

	Judge(Detector detector, ObjectMapper mapper, MeterRegistry registry, StateStores stores) {
		this.stores = stores;
		this.detector = detector;
		this.mapper = mapper;
		this.registry = registry;
		// Every metric and severity counts from zero at start, so rates and alerts on
		// anomalies work before the first one.
		for (Metric metric : Metric.values()) {
			for (Severity severity : Severity.values()) {
				anomalies(metric.wireName(), severity);
			}
		}
	}

	private Counter anomalies(String metric, Severity severity) {
		return Counter.builder("keystone.anomalies")
			.description("Anomalies detected, by metric and severity")
			.tag("metric", metric)
			.tag("severity", severity.wireName())
			.register(this.registry);
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(Stores.keyValueStoreBuilder(this.stores.keyValue(STORE), Serdes.String(), Baseline.serde()));
	}

	@Override
	public Processor<String, Closing, String, String> get() {
		return new Processor<>() {

			private ProcessorContext<String, String> context;

			private KeyValueStore<String, Baseline> baselines;

			/**
			 * The start of the newest minute swept for silent scopes; kept in memory, as
			 * a repeated sweep judges nothing twice.
			 */
			private long swept = Long.MIN_VALUE;

			/** The start of the newest window judged. */
			private long newestWindow = Long.MIN_VALUE;

			@Override
			public void init(ProcessorContext<String, String> context) {
				this.context = context;
				this.baselines = context.getStateStore(STORE);
				this.swept = Long.MIN_VALUE;
				this.newestWindow = Long.MIN_VALUE;
			}

			@Override
			public void process(Record<String, Closing> record) {
				if (record.value() instanceof ClosedWindow closed) {
					this.newestWindow = Math.max(this.newestWindow, closed.start().toEpochMilli());
					judge(closed.key(), closed.start(), closed.end(), ScopeWindow.of(closed));
				}
				else if (record.value() instanceof ClosedThrough through) {
					sweepSilentScopes(through.through());
				}
			}

			private void sweepSilentScopes(Instant through) {
				long end = Math.floorDiv(through.toEpochMilli(), MINUTE_MS) * MINUTE_MS;
				long start = end - MINUTE_MS;
				if (start <= this.swept) {
					return;
				}
				this.swept = start;
				if (this.newestWindow != start) {
					// No scope of this task had a window then: rather
					// than all going dark at once, events stopped
					// reaching the pipeline, or it was down, which the
					// ingest metrics tell better.
					return;
				}
				String prefix = Metric.ACTIVE_VIEWERS.wireName() + ":";
				List<String> silent = new ArrayList<>();
				try (KeyValueIterator<String, Baseline> viewers = this.baselines.prefixScan(prefix,
						new StringSerializer())) {
					viewers.forEachRemaining((entry) -> {
						if (entry.value.lastWindowStart() < start) {
							silent.add(entry.key.substring(prefix.length()));
						}
					});
				}
				for (String scope : silent) {
					judge(scope, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end), ScopeWindow.EMPTY);
				}
			}

			private void judge(String scope, Instant start, Instant end, ScopeWindow window) {
				for (Metric metric : Metric.values()) {
					String key = metric.wireName() + ":" + scope;
					Detector.Judgement judgement = Judge.this.detector.judge(metric, scope, start, end, window,
							this.baselines.get(key));
					if (judgement == null) {
						continue;
					}
					if (judgement.anomaly() != null) {
						emit(judgement.anomaly(), end.toEpochMilli());
					}
					if (metric == Metric.ACTIVE_VIEWERS && window.viewers() == 0
							&& judgement.baseline().mean() < FORGOTTEN_BELOW) {
						this.baselines.delete(key);
					}
					else {
						this.baselines.put(key, judgement.baseline());
					}
				}
			}

			private void emit(Anomaly anomaly, long timestamp) {
				anomalies(anomaly.metric(), anomaly.severity()).increment();
				this.context
					.forward(new Record<>(anomaly.key(), EventJson.write(Judge.this.mapper, anomaly), timestamp));
			}

		};
	}

}
