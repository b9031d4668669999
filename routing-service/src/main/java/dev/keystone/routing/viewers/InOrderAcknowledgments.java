package dev.keystone.routing.viewers;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.kafka.support.Acknowledgment;

/**
 * Acknowledges batches in the order they were read, each once it and every batch read
 * before it are stored. A batch whose writes land early waits for the ones ahead of it,
 * so a committed offset never passes a record the store has not taken, however the writes
 * of overlapping batches interleave.
 */
final class InOrderAcknowledgments {

	private final Deque<Batch> batches = new ArrayDeque<>();

	/** A batch read after every batch already added; not acknowledged until stored. */
	synchronized Batch add(Acknowledgment acknowledgment) {
		Batch batch = new Batch(acknowledgment);
		this.batches.addLast(batch);
		return batch;
	}

	/**
	 * The batch's records are all in the store: acknowledges it, and the batches after it
	 * that were only waiting for it.
	 */
	synchronized void stored(Batch batch) {
		batch.stored = true;
		while (!this.batches.isEmpty() && this.batches.peekFirst().stored) {
			this.batches.removeFirst().acknowledgment.acknowledge();
		}
	}

	/** Batches read and not yet acknowledged. */
	synchronized int waiting() {
		return this.batches.size();
	}

	/**
	 * One batch of records as the consumer read it.
	 */
	static final class Batch {

		private final Acknowledgment acknowledgment;

		private boolean stored;

		private Batch(Acknowledgment acknowledgment) {
			this.acknowledgment = acknowledgment;
		}

	}

}
