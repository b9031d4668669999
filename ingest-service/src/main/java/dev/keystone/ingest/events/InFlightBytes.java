package dev.keystone.ingest.events;

import java.util.concurrent.Semaphore;

/**
 * Bytes handed to Kafka and not yet acknowledged, across all requests. A request that
 * would pass the bound is refused before anything is sent, which keeps memory bounded
 * however hard clients push.
 */
class InFlightBytes {

	private final int capacity;

	private final Semaphore permits;

	InFlightBytes(long capacity) {
		this.capacity = (int) Math.min(Integer.MAX_VALUE, capacity);
		this.permits = new Semaphore(this.capacity);
	}

	/**
	 * A request larger than the whole bound still goes through when nothing else is in
	 * flight.
	 */
	int tryReserve(long bytes) {
		int wanted = (int) Math.min(bytes, this.capacity);
		return this.permits.tryAcquire(wanted) ? wanted : -1;
	}

	void release(int reserved) {
		this.permits.release(reserved);
	}

	long inFlight() {
		return this.capacity - this.permits.availablePermits();
	}

}
