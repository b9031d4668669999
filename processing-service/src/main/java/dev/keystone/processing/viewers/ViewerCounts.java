package dev.keystone.processing.viewers;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.ViewerCount;
import dev.keystone.processing.windowing.ClosedWindow;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * Closed viewer windows as {@link ViewerCount}s for {@code viewers.counts}, keyed by
 * title (or {@code _all}), one per title and window.
 */
public final class ViewerCounts {

	private final ObjectMapper mapper;

	public ViewerCounts(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public KStream<String, String> apply(KStream<String, ClosedWindow> closed) {
		return closed
			.filter((titleId, window) -> ViewerSeries.ALL.contains(window.series()), Named.as("viewers-windows"))
			.mapValues(
					(window) -> EventJson
						.write(this.mapper,
								new ViewerCount(window.key(), window.series().label(), window.start(), window.end(),
										window.sessions(), window.count(ViewerSeries.EVENTS))),
					Named.as("viewers-counts"));
	}

}
