package dev.keystone.processing.anomaly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.processing.viewers.DistinctSessions;
import dev.keystone.processing.viewers.ViewerSketch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code anomalies} function: {@code events.enriched} in,
 * {@link dev.keystone.events.Anomaly anomalies} keyed {@code metric:scope} out. Scopes
 * are {@code title:<id>}, {@code country:<cc>} and {@code deviceClass:<class>}; windows
 * are one minute of event time, judged once each when they close.
 */
final class AnomalyDetection implements Function<KStream<String, String>, KStream<String, String>> {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(AnomalyDetection.class);

	private final ObjectMapper mapper;

	private final Duration grace;

	private final ViewerSketch sketch;

	private final Judge judge;

	AnomalyDetection(ObjectMapper mapper, Duration grace, ViewerSketch sketch, Judge judge) {
		this.mapper = mapper;
		this.grace = grace;
		this.sketch = sketch;
		this.judge = judge;
	}

	@Override
	public KStream<String, String> apply(KStream<String, String> enriched) {
		return judge(closedWindows(byScope(enriched)));
	}

	KStream<String, Signal> byScope(KStream<String, String> enriched) {
		return enriched.flatMap((deviceId, json) -> scopes(read(json)), Named.as("anomaly-scopes"));
	}

	KStream<Windowed<String>, ScopeWindow> closedWindows(KStream<String, Signal> signals) {
		KTable<Windowed<String>, ScopeWindow> windows = signals
			.groupByKey(Grouped.with("anomaly-by-scope", Serdes.String(), Signal.serde()))
			.windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, this.grace))
			.aggregate(() -> new ScopeWindow(new DistinctSessions(this.sketch)),
					(scope, signal, window) -> window.add(signal), Named.as("anomaly-scope-aggregate"),
					Materialized.<String, ScopeWindow, WindowStore<Bytes, byte[]>>as("anomaly-scope-windows")
						.withKeySerde(Serdes.String())
						.withValueSerde(ScopeWindow.serde(this.sketch)));
		return windows
			.suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
				.withName("anomaly-scope-until-closed"))
			.toStream(Named.as("anomaly-scope-closed"));
	}

	KStream<String, String> judge(KStream<Windowed<String>, ScopeWindow> closed) {
		return closed.process(this.judge, Named.as("anomaly-judge"));
	}

	private static List<KeyValue<String, Signal>> scopes(EnrichedEvent event) {
		if (event == null || event.type() == null) {
			return List.of();
		}
		Signal signal = new Signal(event.type(), event.sessionId());
		List<KeyValue<String, Signal>> scoped = new ArrayList<>(3);
		if (event.titleId() != null) {
			scoped.add(KeyValue.pair("title:" + event.titleId(), signal));
		}
		if (event.country() != null) {
			scoped.add(KeyValue.pair("country:" + event.country(), signal));
		}
		if (event.deviceClass() != null) {
			scoped.add(KeyValue.pair("deviceClass:" + event.deviceClass().wireName(), signal));
		}
		return scoped;
	}

	/** Only cleansing writes the topic; a record it cannot have written is skipped. */
	private EnrichedEvent read(String json) {
		if (json == null) {
			return null;
		}
		try {
			return this.mapper.readValue(json, EnrichedEvent.class);
		}
		catch (JsonProcessingException ex) {
			log.warn("skipping unreadable enriched event error={}", ex.getOriginalMessage());
			return null;
		}
	}

}
