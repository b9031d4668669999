package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load: requests are due at a constant rate whatever the answers do, and a
 * request's latency counts from the moment it was due, not from when a connection was
 * free to send it, so a stall shows in every request it held up (no coordinated
 * omission). A pool of keep-alive connections takes the due requests in order; the pool
 * is sized well above rate × latency so that it is not what queues them.
 */
final class OpenLoad implements AutoCloseable {

	/** Latencies up to ten minutes, in microseconds, three significant digits. */
	static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

	private final URI base;

	private final Map<String, String> headers;

	private final EndToEndEvents events;

	private final BlockingQueue<Due> due = new LinkedBlockingQueue<>();

	private final List<Thread> senders = new ArrayList<>();

	OpenLoad(URI base, Map<String, String> headers, EndToEndEvents events, int connections) {
		this.base = base;
		this.headers = headers;
		this.events = events;
		for (int i = 0; i < connections; i++) {
			Thread sender = new Thread(this::send, "open-load-" + i);
			sender.setDaemon(true);
			sender.start();
			this.senders.add(sender);
		}
	}

	/**
	 * What one run at one rate sent and how the answers came back.
	 */
	static final class Phase {

		final String tag;

		final double eventsPerSecond;

		final Histogram accepted = new ConcurrentHistogram(HIGHEST_MICROS, 3);

		final AtomicLong events = new AtomicLong();

		final AtomicLong acceptedEvents = new AtomicLong();

		final AtomicLong requests = new AtomicLong();

		final AtomicLong notAccepted = new AtomicLong();

		volatile long lateDispatchMicros;

		Phase(String tag, double eventsPerSecond) {
			this.tag = tag;
			this.eventsPerSecond = eventsPerSecond;
		}

	}

	private record Due(Phase phase, long dueMillis, long dueNanos, long sequence, int batch) {

	}

	/**
	 * Sends requests of {@code batch} events at {@code eventsPerSecond} for
	 * {@code period}; returns when the last one is due (answers may still be out).
	 */
	Phase run(String tag, double eventsPerSecond, int batch, Duration period) {
		Phase running = new Phase(tag, eventsPerSecond);
		long intervalNanos = (long) (1e9 * batch / eventsPerSecond);
		long startNanos = System.nanoTime();
		long startMillis = System.currentTimeMillis();
		long requests = period.toNanos() / intervalNanos;
		for (long i = 0; i < requests; i++) {
			long dueNanos = startNanos + i * intervalNanos;
			long wait;
			while ((wait = dueNanos - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			running.lateDispatchMicros = Math.max(running.lateDispatchMicros, -wait / 1000);
			this.due.add(new Due(running, startMillis + (dueNanos - startNanos) / 1_000_000, dueNanos, i, batch));
			running.requests.incrementAndGet();
			running.events.addAndGet(batch);
		}
		return running;
	}

	private void send() {
		HttpConnection connection = new HttpConnection(this.base);
		while (!Thread.currentThread().isInterrupted()) {
			Due next;
			try {
				next = this.due.take();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			byte[] body = this.events.body(next.phase().tag, next.dueMillis(), next.sequence(), next.batch())
				.getBytes(StandardCharsets.UTF_8);
			try {
				HttpConnection.Response response = connection.post("/v1/events", this.headers, body);
				long micros = (System.nanoTime() - next.dueNanos()) / 1000;
				if (response.status() == 202) {
					next.phase().accepted.recordValue(Math.min(micros, HIGHEST_MICROS));
					next.phase().acceptedEvents.addAndGet(next.batch());
				}
				else {
					next.phase().notAccepted.incrementAndGet();
				}
			}
			catch (IOException ex) {
				next.phase().notAccepted.incrementAndGet();
			}
		}
		connection.close();
	}

	/** Requests due and not yet taken by a connection. */
	int queued() {
		return this.due.size();
	}

	@Override
	public void close() {
		this.senders.forEach(Thread::interrupt);
	}

}
