package dev.keystone.processing.anomaly;

import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Anomaly;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.windowing.ClosedWindow;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Runs the {@link Detector} over every metric of each closed scope window, keeping the
 * baselines in a changelogged store keyed by {@code metric:scope}. Each window reaches
 * this once, when every partition has passed it, so each metric, scope and window yields
 * at most one anomaly.
 */
final class Judge implements ProcessorSupplier<String, ClosedWindow, String, String> {

	static final String STORE = "anomaly-baselines";

	private final Detector detector;

	private final ObjectMapper mapper;

	private final MeterRegistry registry;

	private final StateStores stores;

	Judge(Detector detector, ObjectMapper mapper, MeterRegistry registry, StateStores stores) {
		this.stores = stores;
		this.detector = detector;
		this.mapper = mapper;
		this.registry = registry;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		return Set.of(Stores.keyValueStoreBuilder(this.stores.keyValue(STORE), Serdes.String(), Baseline.serde()));
	}

	@Override
	public Processor<String, ClosedWindow, String, String> get() {
		return new Processor<>() {

			private ProcessorContext<String, String> context;

			private KeyValueStore<String, Baseline> baselines;

			@Override
			public void init(ProcessorContext<String, String> context) {
				this.context = context;
				this.baselines = context.getStateStore(STORE);
			}

			@Override
			public void process(Record<String, ClosedWindow> record) {
				String scope = record.value().key();
				Instant start = record.value().start();
				Instant end = record.value().end();
				ScopeWindow window = new ScopeWindow(record.value().counts());
				for (Metric metric : Metric.values()) {
					String key = metric.wireName() + ":" + scope;
					Detector.Judgement judgement = Judge.this.detector.judge(metric, scope, start, end, window,
							this.baselines.get(key));
					if (judgement == null) {
						continue;
					}
					this.baselines.put(key, judgement.baseline());
					if (judgement.anomaly() != null) {
						emit(judgement.anomaly(), end.toEpochMilli());
					}
				}
			}

			private void emit(Anomaly anomaly, long timestamp) {
				Counter.builder("keystone.anomalies")
					.description("Anomalies detected, by metric and severity")
					.tag("metric", anomaly.metric())
					.tag("severity", anomaly.severity().wireName())
					.register(Judge.this.registry)
					.increment();
				this.context.forward(new Record<>(anomaly.key(), json(anomaly), timestamp));
			}

		};
	}

	private String json(Anomaly anomaly) {
		try {
			return this.mapper.writeValueAsString(anomaly);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("an anomaly always serialises", ex);
		}
	}

}
