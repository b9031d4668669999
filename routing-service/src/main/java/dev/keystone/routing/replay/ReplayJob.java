package dev.keystone.routing.replay;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One replay's progress, updated by the thread that runs it and read by the API.
 */
final class ReplayJob {

	private final String id;

	private final ReplayRequest request;

	private final Instant startedAt;

	private final AtomicLong matched = new AtomicLong();

	private final AtomicLong written = new AtomicLong();

	private volatile String state = "running";

	private volatile Instant finishedAt;

	private volatile String error;

	ReplayJob(String id, ReplayRequest request, Instant startedAt) {
		this.id = id;
		this.request = request;
		this.startedAt = startedAt;
	}

	String id() {
		return this.id;
	}

	ReplayRequest request() {
		return this.request;
	}

	void matched() {
		this.matched.incrementAndGet();
	}

	void written(int count) {
		this.written.addAndGet(count);
	}

	void done(Instant at) {
		this.finishedAt = at;
		this.state = "done";
	}

	void failed(Instant at, String reason) {
		this.finishedAt = at;
		this.error = reason;
		this.state = "failed";
	}

	Replay view() {
		return new Replay(this.id, this.state, this.request.from(), this.request.to(), this.request.filter(),
				this.request.target(), this.matched.get(), this.written.get(), this.startedAt, this.finishedAt,
				this.error);
	}

}
