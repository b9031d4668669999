package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: a fixed number of connections, each posting its next body as soon
 * as the previous one is answered. It loads for a warm-up period first and counts only
 * what is answered within the measured period after it; only {@code 202} answers count as
 * accepted events, and their latencies are the ones recorded.
 */
final class LoadGenerator {

	private static final long PROGRESS_NANOS = Duration.ofSeconds(5).toNanos();

	private final int connections;

	LoadGenerator(int connections) {
		this.connections = connections;
	}

	/**
	 * One request body and the number of events it carries.
	 */
	record Body(byte[] bytes, int events) {

	}

	/**
	 * Where a load goes.
	 */
	record Target(String name, URI base, String path, Map<String, String> headers, int acceptedStatus) {

		/** A target of Keystone's own API, which answers 202 to accepted events. */
		Target(String name, URI base, String path, Map<String, String> headers) {
			this(name, base, path, headers, 202);
		}

	}

	/**
	 * What a measured period brought.
	 */
	record Result(String name, double seconds, long acceptedRequests, long acceptedEvents,
			Map<Integer, Long> otherStatuses, long ioErrors, LatencyRecorder latency, String sampleProblem) {

		double eventsPerSecond() {
			return this.acceptedEvents / this.seconds;
		}

		double requestsPerSecond() {
			return this.acceptedRequests / this.seconds;
		}

		Result plus(Result other) {
			Map<Integer, Long> statuses = new TreeMap<>(this.otherStatuses);
			other.otherStatuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
			LatencyRecorder both = new LatencyRecorder();
			both.addAll(this.latency);
			both.addAll(other.latency);
			return new Result(this.name, this.seconds + other.seconds, this.acceptedRequests + other.acceptedRequests,
					this.acceptedEvents + other.acceptedEvents, statuses, this.ioErrors + other.ioErrors, both,
					(this.sampleProblem != null) ? this.sampleProblem : other.sampleProblem);
		}

		void print(String label) {
			Report.figure(label + " accepted events/s", eventsPerSecond(), "events/s");
			Report.figure(label + " accepted requests/s", requestsPerSecond(), "requests/s");
			Report.latency(label, this.latency);
			if (!this.otherStatuses.isEmpty() || this.ioErrors > 0) {
				Report.figure(label + " requests not accepted (" + this.otherStatuses + ")",
						this.otherStatuses.values().stream().mapToLong(Long::longValue).sum(), "requests");
				Report.figure(label + " connection errors", this.ioErrors, "requests");
			}
			if (this.sampleProblem != null) {
				Report.progress("%s: one answer that was not 202: %s", label, this.sampleProblem);
			}
		}

	}

	Result run(Target target, List<Body> bodies, Duration warmup, Duration measured) throws InterruptedException {
		long started = System.nanoTime();
		long measureFrom = started + warmup.toNanos();
		long measureTo = measureFrom + measured.toNanos();
		LongAdder acceptedRequests = new LongAdder();
		LongAdder acceptedEvents = new LongAdder();
		LongAdder allEvents = new LongAdder();
		LongAdder ioErrors = new LongAdder();
		Map<Integer, LongAdder> otherStatuses = new ConcurrentHashMap<>();
		AtomicReference<String> sampleProblem = new AtomicReference<>();
		LatencyRecorder latency = new LatencyRecorder();
		List<Thread> workers = new ArrayList<>();
		Report.progress("%s: %d connections, %d s warm-up, then %d s measured", target.name(), this.connections,
				warmup.toSeconds(), measured.toSeconds());
		for (int w = 0; w < this.connections; w++) {
			int first = w * Math.max(1, bodies.size() / this.connections);
			Thread worker = new Thread(() -> {
				try (HttpConnection connection = new HttpConnection(target.base())) {
					for (int i = first; System.nanoTime() < measureTo; i++) {
						Body body = bodies.get(i % bodies.size());
						long sent = System.nanoTime();
						HttpConnection.Response response;
						try {
							response = connection.post(target.path(), target.headers(), body.bytes());
						}
						catch (IOException ex) {
							if (System.nanoTime() >= measureFrom) {
								ioErrors.increment();
							}
							continue;
						}
						long answered = System.nanoTime();
						if (response.status() == target.acceptedStatus()) {
							allEvents.add(body.events());
						}
						if (answered < measureFrom || answered >= measureTo) {
							continue;
						}
						if (response.status() == target.acceptedStatus()) {
							acceptedRequests.increment();
							acceptedEvents.add(body.events());
							latency.record(answered - sent);
						}
						else {
							otherStatuses.computeIfAbsent(response.status(), (s) -> new LongAdder()).increment();
							sampleProblem.compareAndSet(null, response.status() + " " + response.text());
						}
					}
				}
			}, "load-" + w);
			worker.setDaemon(true);
			worker.start();
			workers.add(worker);
		}
		long lastEvents = 0;
		for (long next = started + PROGRESS_NANOS; next < measureTo; next += PROGRESS_NANOS) {
			Thread.sleep(Math.max(0, (Math.min(next, measureTo) - System.nanoTime()) / 1_000_000));
			long events = allEvents.sum();
			Report.progress("%s: %s, %,.0f events/s accepted over the last 5 s", target.name(),
					(System.nanoTime() < measureFrom) ? "warming up" : "measuring", (events - lastEvents) / 5.0);
			lastEvents = events;
		}
		for (Thread worker : workers) {
			worker.join();
		}
		Map<Integer, Long> statuses = new TreeMap<>();
		otherStatuses.forEach((status, count) -> statuses.put(status, count.sum()));
		return new Result(target.name(), measured.toNanos() / 1e9, acceptedRequests.sum(), acceptedEvents.sum(),
				statuses, ioErrors.sum(), latency, sampleProblem.get());
	}

}
