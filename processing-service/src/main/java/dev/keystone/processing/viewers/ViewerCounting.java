package dev.keystone.processing.viewers;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.events.ViewerCount;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code viewers} function: {@code events.enriched} in, one {@link ViewerCount} per
 * title (and one for {@code _all}) per closed window out on {@code viewers.counts}. A
 * window is emitted once, when stream time passes its end plus the grace; events later
 * than that were already rejected as {@code late} by cleansing.
 */
final class ViewerCounting implements Function<KStream<String, String>, KStream<String, String>> {

	private static final Logger log = LoggerFactory.getLogger(ViewerCounting.class);

	private final ObjectMapper mapper;

	private final Duration grace;

	private final Serde<ViewerTally> tallySerde;

	private final ViewerSketch sketch;

	ViewerCounting(ObjectMapper mapper, Duration grace, ViewerSketch sketch) {
		this.mapper = mapper;
		this.grace = grace;
		this.sketch = sketch;
		this.tallySerde = ViewerTally.serde(sketch);
	}

	@Override
	public KStream<String, String> apply(KStream<String, String> enriched) {
		KGroupedStream<String, String> byTitle = sessionsByTitle(enriched);
		return count(byTitle, "10s", Duration.ofSeconds(10)).merge(count(byTitle, "1m", Duration.ofMinutes(1)),
				Named.as("viewers-merge"));
	}

	/**
	 * Each playback event as (titleId, sessionId), and once more under {@code _all}.
	 * Re-keying by title repartitions, so one task sees all of a title's sessions.
	 */
	KGroupedStream<String, String> sessionsByTitle(KStream<String, String> enriched) {
		return enriched.flatMap((deviceId, json) -> {
			EnrichedEvent event = read(json);
			if (event == null || event.type() == null || !event.type().isPlayback() || event.titleId() == null
					|| event.sessionId() == null) {
				return List.<KeyValue<String, String>>of();
			}
			return List.of(KeyValue.pair(event.titleId(), event.sessionId()),
					KeyValue.pair(ViewerCount.ALL_TITLES, event.sessionId()));
		}, Named.as("viewers-playback-sessions"))
			.groupByKey(Grouped.with("viewers-by-title", Serdes.String(), Serdes.String()));
	}

	KStream<String, String> count(KGroupedStream<String, String> byTitle, String label, Duration size) {
		String name = "viewers-" + label;
		return byTitle.windowedBy(TimeWindows.ofSizeAndGrace(size, this.grace))
			.aggregate(() -> new ViewerTally(new DistinctSessions(this.sketch), 0),
					(titleId, sessionId, tally) -> tally.add(sessionId), Named.as(name + "-aggregate"),
					Materialized.<String, ViewerTally, WindowStore<Bytes, byte[]>>as(name + "-store")
						.withKeySerde(Serdes.String())
						.withValueSerde(this.tallySerde))
			.suppress(
					Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()).withName(name + "-until-closed"))
			.toStream(Named.as(name + "-closed"))
			.map((window, tally) -> KeyValue.pair(window.key(), json(viewerCount(window, label, tally))),
					Named.as(name + "-counts"));
	}

	private static ViewerCount viewerCount(Windowed<String> window, String label, ViewerTally tally) {
		return new ViewerCount(window.key(), label, window.window().startTime(), window.window().endTime(),
				tally.viewers(), tally.events());
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

	private String json(ViewerCount count) {
		try {
			return this.mapper.writeValueAsString(count);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a viewer count always serialises", ex);
		}
	}

}
