package dev.keystone.processing.windowing;

import java.util.List;
import java.util.Map;

import dev.keystone.events.Event;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.system.WindowSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Puts cleansed events on their partition's clock: every event goes on to enrichment,
 * on-time ones counted in the windows of every {@link Contributor}'s series and late ones
 * flagged, and closed windows come out summed over every partition.
 */
public final class Windowing {

	private final PartitionWindows partitionWindows;

	private final WindowMerge merge;

	/**
	 * @param stores how the window state is kept: persistent in the service, in memory in
	 * topology tests
	 */
	public Windowing(List<Contributor> contributors, WindowSettings settings, SessionSketch sketch,
			PartitionProgress progress, StageCounters counters, StateStores stores, MeterRegistry registry) {
		DeclaredSeries declared = new DeclaredSeries(
				contributors.stream().flatMap((contributor) -> contributor.series().stream()).toList());
		this.partitionWindows = new PartitionWindows(contributors, declared, settings, sketch, progress, counters,
				stores);
		this.merge = new WindowMerge(declared, progress, stores, registry);
	}

	public Clocked apply(KStream<String, Event> events) {
		Map<String, KStream<String, Staged>> staged = events.process(this.partitionWindows, Named.as("window-clock"))
			.split(Named.as("window-"))
			.branch((key, value) -> value instanceof Arrival, Branched.as("arrivals"))
			.defaultBranch(Branched.as("wire"));
		KStream<String, Arrival> arrivals = staged.get("window-arrivals")
			.mapValues((value) -> (Arrival) value, Named.as("window-arrival-events"));
		KStream<String, Closing> closings = staged.get("window-wire")
			.mapValues((value) -> ((Staged.Wire) value).bytes(), Named.as("window-wire-bytes"))
			.repartition(Repartitioned.<String, byte[]>as("window-partials")
				.withKeySerde(Serdes.String())
				.withValueSerde(Serdes.ByteArray())
				.withStreamPartitioner(new Broadcast()))
			.process(this.merge, Named.as("window-merge"));
		KStream<String, ClosedWindow> closed = closings
			.filter((key, closing) -> closing instanceof ClosedWindow, Named.as("window-closed"))
			.mapValues((closing) -> (ClosedWindow) closing, Named.as("window-closed-windows"));
		return new Clocked(arrivals, closed, closings);
	}

	/**
	 * @param arrivals every cleansed event, flagged when its windows had closed before it
	 * arrived
	 * @param closed every closed window, keyed by its title or scope
	 * @param closings the closed windows, each merging task's followed by how far it has
	 * emitted
	 */
	public record Clocked(KStream<String, Arrival> arrivals, KStream<String, ClosedWindow> closed,
			KStream<String, Closing> closings) {

	}

}
