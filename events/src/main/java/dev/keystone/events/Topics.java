package dev.keystone.events;

import java.util.List;

/**
 * The Kafka topics of the pipeline, as named in the public contract.
 */
public final class Topics {

	public static final String EVENTS_RAW = "events.raw";

	public static final String EVENTS_ENRICHED = "events.enriched";

	public static final String EVENTS_REJECTED = "events.rejected";

	public static final String VIEWERS_COUNTS = "viewers.counts";

	public static final String ANOMALIES = "anomalies";

	public static final String ALERTS = "alerts";

	public static final String CATALOG_TITLES = "catalog.titles";

	public static final List<String> ALL = List.of(EVENTS_RAW, EVENTS_ENRICHED, EVENTS_REJECTED, VIEWERS_COUNTS,
			ANOMALIES, ALERTS, CATALOG_TITLES);

	/** Topics holding the latest value per key rather than a history. */
	public static final List<String> COMPACTED = List.of(CATALOG_TITLES);

	private Topics() {
	}

}
