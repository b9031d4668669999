package dev.keystone.processing.cleansing;

import java.time.Clock;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Event;
import dev.keystone.events.Rejection;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Re-validates and normalises {@code events.raw} and drops repeated event ids: every
 * record read comes out as a cleansed event, a rejection, or a counted duplicate.
 */
public final class Cleansing {

	private final Cleanser cleanser;

	private final Deduplicator deduplicator;

	public Cleansing(CleansingSettings settings, StageCounters counters, StateStores stores, ObjectMapper mapper,
			Clock clock) {
		this.cleanser = new Cleanser(new EventCheck(mapper, settings, clock), counters);
		this.deduplicator = new Deduplicator(settings.dedupRetention(), counters, stores);
	}

	public Cleansed apply(KStream<String, String> raw) {
		Map<String, KStream<String, Checked>> checked = raw.process(this.cleanser, Named.as("cleanse"))
			.split(Named.as("cleanse-"))
			.branch((key, outcome) -> outcome instanceof Checked.Rejected, Branched.as("rejected"))
			.defaultBranch(Branched.as("passed"));
		KStream<String, Event> passed = checked.get("cleanse-passed")
			.mapValues((outcome) -> ((Checked.Passed) outcome).event(), Named.as("cleanse-passed-events"));
		return new Cleansed(passed.process(this.deduplicator, Named.as("dedupe")),
				rejections(checked.get("cleanse-rejected")));
	}

	private KStream<String, Rejection> rejections(KStream<String, Checked> rejected) {
		return rejected.map((key, outcome) -> {
			Checked.Rejected rejection = (Checked.Rejected) outcome;
			return KeyValue.pair(rejection.eventId(), rejection.rejection());
		}, Named.as("cleanse-rejections"));
	}

	/**
	 * @param events the first copy of each event that passed every rule, keyed by device
	 * @param rejections rejections keyed by event id
	 */
	public record Cleansed(KStream<String, Event> events, KStream<String, Rejection> rejections) {

	}

}
