package dev.keystone.processing.windowing;

/**
 * What the partition clock makes of each event, and what it tells the merging tasks.
 * Lives only inside one sub-topology, so it needs no serde.
 */
sealed interface Staged permits Arrival, Staged.Wire {

	/** A {@link WindowRecord} for the merging tasks. */
	record Wire(byte[] bytes) implements Staged {

	}

}
