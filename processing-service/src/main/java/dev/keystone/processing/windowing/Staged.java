package dev.keystone.processing.windowing;

import dev.keystone.events.Event;
import dev.keystone.events.Rejection;

/**
 * What the partition clock makes of each event, and what it tells the merging tasks.
 * Lives only inside one sub-topology, so it needs no serde.
 */
sealed interface Staged {

	record OnTime(Event event) implements Staged {

	}

	record Late(String eventId, Rejection rejection) implements Staged {

	}

	/** A {@link WindowRecord} for the merging tasks. */
	record Wire(byte[] bytes) implements Staged {

	}

}
