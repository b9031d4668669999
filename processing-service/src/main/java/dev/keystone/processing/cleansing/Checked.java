package dev.keystone.processing.cleansing;

import dev.keystone.events.Event;
import dev.keystone.events.Rejection;

/**
 * The outcome of cleansing one raw record: an event fit for the pipeline, or the reason
 * it is not. Lives only inside one sub-topology, so it needs no serde.
 */
sealed interface Checked {

	record Passed(Event event) implements Checked {

	}

	/**
	 * @param eventId the key on {@code events.rejected}; null when the record did not
	 * even carry one
	 */
	record Rejected(String eventId, Rejection rejection) implements Checked {

	}

}
