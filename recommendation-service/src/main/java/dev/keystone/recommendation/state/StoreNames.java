package dev.keystone.recommendation.state;

/**
 * The state stores, named once: the names appear in changelog topics, metrics and the
 * internal API.
 */
public final class StoreNames {

	/** Profile id to its {@code ProfileHistory}. */
	public static final String PROFILES = "profiles";

	/** {@code scope|titleId} to its trending count. */
	public static final String TRENDING = "trending";

	/** Title id to its co-watched titles. */
	public static final String CO_WATCH = "co-watch";

	/** The catalog, a global store on every instance. */
	public static final String CATALOG = "catalog-titles";

	private StoreNames() {
	}

}
