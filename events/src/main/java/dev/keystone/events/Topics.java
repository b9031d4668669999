package dev.keystone.events;

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

	/** Archived events a replay publishes, as {@code events.enriched} carried them. */
	public static final String EVENTS_REPLAY = "events.replay";

	private Topics() {
	}

}
