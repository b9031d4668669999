package dev.keystone.processing.enrichment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.Title;
import dev.keystone.processing.windowing.Arrival;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins each event with its title from the catalog and writes it as an
 * {@link EnrichedEvent}, timestamped with its event time so that the windows downstream
 * count in event time, and flagged {@code late} when its windows had closed before it
 * arrived.
 */
public final class Enrichment {

	/**
	 * Looked up for events without a title. The catalog is keyed by path segments of
	 * {@code PUT /v1/catalog/titles/{titleId}}, which cannot hold a NUL character, and a
	 * null key would fail the join.
	 */
	static final String NO_TITLE = "\u0000no-title";

	private static final Logger log = LoggerFactory.getLogger(Enrichment.class);

	private static final int TITLE_CACHE_SIZE = 10_000;

	private final Map<String, Optional<EnrichedEvent.TitleRef>> titles = new ConcurrentHashMap<>();

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Counter enriched;

	private final Timer latency;

	public Enrichment(ObjectMapper mapper, Clock clock, MeterRegistry registry) {
		this.mapper = mapper;
		this.clock = clock;
		this.enriched = Counter.builder("keystone.processing.events")
			.description("Events by the processing stage they reached")
			.tag("stage", "enriched")
			.register(registry);
		this.latency = Timer.builder("keystone.pipeline.latency")
			.description("Time from ingest receiving an event until the pipeline stage handled it")
			.tag("stage", "processed")
			.publishPercentileHistogram()
			.register(registry);
	}

	public KStream<String, String> enrich(KStream<String, Arrival> events, GlobalKTable<String, String> titles) {
		return events
			.leftJoin(titles, (deviceId, arrival) -> titleKey(arrival.event()), this::join, Named.as("enrich-title"))
			.processValues(Stamp::new, Named.as("enrich-stamp"));
	}

	private static String titleKey(Event event) {
		return (event.titleId() != null) ? event.titleId() : NO_TITLE;
	}

	private Joined join(Arrival arrival, String titleJson) {
		Event event = arrival.event();
		return new Joined(event, (titleJson != null) ? title(event.titleId(), titleJson) : null, arrival.late());
	}

	/**
	 * Catalog entries are read once per distinct value rather than once per event; the
	 * cache starts over when the catalog has outgrown it. A catalog entry we cannot read
	 * enriches like an unknown title.
	 */
	private EnrichedEvent.TitleRef title(String titleId, String json) {
		Optional<EnrichedEvent.TitleRef> title = this.titles.get(json);
		if (title == null) {
			if (this.titles.size() >= TITLE_CACHE_SIZE) {
				this.titles.clear();
			}
			title = read(titleId, json);
			this.titles.put(json, title);
		}
		return title.orElse(null);
	}

	private Optional<EnrichedEvent.TitleRef> read(String titleId, String json) {
		try {
			return Optional.of(this.mapper.readValue(json, Title.class).ref());
		}
		catch (JsonProcessingException ex) {
			log.warn("catalog entry unreadable titleId={} error={}", titleId, ex.getOriginalMessage());
			return Optional.empty();
		}
	}

	private record Joined(Event event, EnrichedEvent.TitleRef title, boolean late) {

	}

	private final class Stamp implements FixedKeyProcessor<String, Joined, String> {

		private FixedKeyProcessorContext<String, String> context;

		@Override
		public void init(FixedKeyProcessorContext<String, String> context) {
			this.context = context;
		}

		@Override
		public void process(FixedKeyRecord<String, Joined> record) {
			Instant processedAt = Enrichment.this.clock.instant();
			EnrichedEvent enriched = EnrichedEvent.of(record.value().event(), record.value().title(), processedAt,
					record.value().late());
			Duration latency = Duration.between(enriched.receivedAt(), processedAt);
			// Ingest and processing run on different hosts; a skewed clock is not a
			// latency.
			if (!latency.isNegative()) {
				Enrichment.this.latency.record(latency);
			}
			Enrichment.this.enriched.increment();
			this.context.forward(record.withValue(EventJson.write(Enrichment.this.mapper, enriched))
				.withTimestamp(enriched.timestamp().toEpochMilli()));
		}

	}

}
