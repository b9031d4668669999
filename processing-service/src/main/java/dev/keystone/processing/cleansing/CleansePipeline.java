package dev.keystone.processing.cleansing;

import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Event;
import dev.keystone.events.Rejection;
import dev.keystone.processing.enrichment.Enrichment;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The {@code cleanse} function: {@code events.raw} and the catalog in,
 * {@code events.enriched} (out-0) and {@code events.rejected} (out-1) out. Every record
 * read ends up enriched, rejected or counted as a duplicate.
 */
final class CleansePipeline
		implements BiFunction<KStream<String, String>, GlobalKTable<String, String>, KStream<String, String>[]> {

	private final Cleanser cleanser;

	private final Deduplicator deduplicator;

	private final Enrichment enrichment;

	private final ObjectMapper mapper;

	CleansePipeline(Cleanser cleanser, Deduplicator deduplicator, Enrichment enrichment, ObjectMapper mapper) {
		this.cleanser = cleanser;
		this.deduplicator = deduplicator;
		this.enrichment = enrichment;
		this.mapper = mapper;
	}

	@Override
	@SuppressWarnings("unchecked")
	public KStream<String, String>[] apply(KStream<String, String> raw, GlobalKTable<String, String> titles) {
		Map<String, KStream<String, Checked>> checked = branch(cleanse(raw));
		KStream<String, Event> passed = checked.get("cleanse-passed")
			.mapValues((outcome) -> ((Checked.Passed) outcome).event(), Named.as("cleanse-passed-events"));
		KStream<String, String> enriched = this.enrichment.enrich(dedupe(passed), titles);
		return new KStream[] { enriched, rejections(checked.get("cleanse-rejected")) };
	}

	KStream<String, Checked> cleanse(KStream<String, String> raw) {
		return raw.process(this.cleanser, Named.as("cleanse"));
	}

	Map<String, KStream<String, Checked>> branch(KStream<String, Checked> checked) {
		return checked.split(Named.as("cleanse-"))
			.branch((key, outcome) -> outcome instanceof Checked.Rejected, Branched.as("rejected"))
			.defaultBranch(Branched.as("passed"));
	}

	KStream<String, Event> dedupe(KStream<String, Event> events) {
		return events.process(this.deduplicator, Named.as("dedupe"));
	}

	KStream<String, String> rejections(KStream<String, Checked> rejected) {
		return rejected.map((key, outcome) -> {
			Checked.Rejected rejection = (Checked.Rejected) outcome;
			return KeyValue.pair(rejection.eventId(), json(rejection.rejection()));
		}, Named.as("cleanse-rejections"));
	}

	private String json(Rejection rejection) {
		try {
			return this.mapper.writeValueAsString(rejection);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a rejection always serialises", ex);
		}
	}

}
