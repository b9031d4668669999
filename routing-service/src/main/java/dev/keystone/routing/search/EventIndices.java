package dev.keystone.routing.search;

/**
 * The names of the daily event indices, in one place: the template, the alias and every
 * query over them use these.
 */
public final class EventIndices {

	/** The template's and the alias's name; each day's index is this, a dash, the day. */
	public static final String NAME = "keystone-events";

	static final String DAY_PREFIX = NAME + "-";

	/** Every day's index, for searches. */
	public static final String ALL = DAY_PREFIX + "*";

	private EventIndices() {
	}

}
