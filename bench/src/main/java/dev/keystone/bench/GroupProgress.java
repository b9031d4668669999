package dev.keystone.bench;

/**
 * How far one consumer group has come through a backlog on a topic. The rate is taken
 * from its first commit on, so the service's start-up is left out of it (the
 * launch-to-done time is reported separately).
 */
final class GroupProgress {

	final String group;

	/** Sum of the group's committed offsets on the topic, as last seen. */
	long committed;

	long firstCommitted = -1;

	long firstAt;

	long doneAt;

	long doneAtMillis;

	GroupProgress(String group) {
		this.group = group;
	}

	boolean done() {
		return this.doneAt != 0;
	}

	/**
	 * What the group has committed now, and whether that finishes the backlog.
	 */
	void record(long committed, boolean finished) {
		if (done()) {
			return;
		}
		long now = System.nanoTime();
		this.committed = committed;
		if (this.firstCommitted < 0 && committed > 0) {
			this.firstCommitted = committed;
			this.firstAt = now;
		}
		if (finished) {
			this.doneAt = now;
			this.doneAtMillis = System.currentTimeMillis();
		}
	}

	/**
	 * Records per second from the first commit until the backlog of {@code total} was
	 * done.
	 */
	double rate(long total) {
		if (this.doneAt == this.firstAt) {
			return Double.NaN;
		}
		return (total - this.firstCommitted) / ((this.doneAt - this.firstAt) / 1e9);
	}

}
