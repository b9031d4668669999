package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A steady open-loop load of known events through the gateway while parts of the stack
 * fail: every batch is started on schedule whatever happened to the ones before,
 * heartbeats of known sessions per title, some batches sent again on purpose. A batch
 * answered 503, 429, 502 or cut off is sent again as is (the contract allows it: events
 * keep their ids), events of a 207 answered {@code failed} likewise, until the gateway
 * accepts them. The client's log of accepted events is what the reconciliation checks the
 * stores against.
 */
final class FaultLoad {

	/** An accepted event, as the reconciliation needs it. */
	record Sent(String titleId, String sessionId, long timestamp) {

	}

	/** One request: when it was answered and whether it took events. */
	record Attempt(long at, boolean succeeded) {

	}

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private final URI gateway;

	private final String apiKey;

	private final String run;

	private final int titles;

	private final int sessionsPerTitle;

	private final Random random = new Random(42);

	private final Map<String, Sent> accepted = new ConcurrentHashMap<>();

	private final boolean keepLog;

	private final AtomicLong acceptedCount = new AtomicLong();

	private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong retried = new AtomicLong();

	private final AtomicLong resent = new AtomicLong();

	private final AtomicLong invalid = new AtomicLong();

	private final AtomicLong unfinished = new AtomicLong();

	private final ExecutorService senders = Executors.newFixedThreadPool(32);

	private final ThreadLocal<HttpConnection> connection;

	private long next;

	private List<String> lastBatch = List.of();

	/**
	 * @param keepLog whether to keep every accepted event for a reconciliation, or only
	 * count them (a long soak)
	 */
	FaultLoad(URI gateway, String apiKey, String run, int titles, int sessionsPerTitle, boolean keepLog) {
		this.keepLog = keepLog;
		this.gateway = gateway;
		this.apiKey = apiKey;
		this.run = run;
		this.titles = titles;
		this.sessionsPerTitle = sessionsPerTitle;
		this.connection = ThreadLocal.withInitial(() -> new HttpConnection(this.gateway));
	}

	/**
	 * Sends {@code batchSize} events every {@code periodMillis} until {@code stop} says
	 * so, then waits for every batch to be accepted or for {@code finishMillis}.
	 */
	void run(int batchSize, long periodMillis, java.util.function.BooleanSupplier stop, long finishMillis)
			throws InterruptedException {
		long start = System.nanoTime();
		for (long tick = 0; !stop.getAsBoolean(); tick++) {
			long due = start + TimeUnit.MILLISECONDS.toNanos(tick * periodMillis);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			List<String> batch = batch(batchSize);
			this.senders.execute(() -> send(batch));
		}
		this.senders.shutdown();
		if (!this.senders.awaitTermination(finishMillis, TimeUnit.MILLISECONDS)) {
			this.senders.shutdownNow();
		}
	}

	/**
	 * The next batch: new events, and now and then the previous batch's events once more
	 * (a client resending what it already had answered).
	 */
	private synchronized List<String> batch(int size) {
		List<String> events = new ArrayList<>(size + this.lastBatch.size());
		long now = System.currentTimeMillis();
		for (int i = 0; i < size; i++) {
			int title = this.random.nextInt(this.titles);
			int session = this.random.nextInt(this.sessionsPerTitle);
			String eventId = this.run + "-" + this.next++;
			String titleId = this.run + "-title-" + title;
			String sessionId = this.run + "-s-" + title + "-" + session;
			events.add("{\"eventId\":\"" + eventId + "\",\"type\":\"heartbeat\",\"timestamp\":" + now
					+ ",\"deviceId\":\"" + sessionId + "\",\"deviceType\":\"tv\",\"sessionId\":\"" + sessionId
					+ "\",\"titleId\":\"" + titleId + "\",\"positionMs\":" + (now % 3_600_000) + "}");
		}
		if (this.random.nextInt(20) == 0) {
			events.addAll(this.lastBatch);
			this.resent.addAndGet(this.lastBatch.size());
		}
		this.lastBatch = events.subList(0, size);
		return events;
	}

	private void send(List<String> events) {
		List<String> pending = events;
		long backoff = 200;
		long deadline = System.currentTimeMillis() + 15 * 60_000;
		boolean first = true;
		while (!pending.isEmpty() && System.currentTimeMillis() < deadline && !Thread.currentThread().isInterrupted()) {
			if (!first) {
				this.retried.incrementAndGet();
			}
			first = false;
			this.requests.incrementAndGet();
			byte[] body = ("[" + String.join(",", pending) + "]").getBytes(StandardCharsets.UTF_8);
			HttpConnection.Response response;
			long started = System.nanoTime();
			try {
				response = this.connection.get().post("/v1/events", Map.of("X-API-Key", this.apiKey), body);
			}
			catch (IOException ex) {
				this.attempts.add(new Attempt(System.currentTimeMillis(), false));
				backoff = pause(backoff);
				continue;
			}
			this.attempts.add(new Attempt(System.currentTimeMillis(), response.status() < 300));
			if (response.status() < 300) {
				this.latencies.add(System.nanoTime() - started);
			}
			if (response.status() == 202) {
				pending.forEach(this::accept);
				return;
			}
			if (response.status() == 207) {
				pending = afterPartial(pending, response.body());
				continue;
			}
			if (response.status() == 400) {
				this.invalid.addAndGet(pending.size());
				return;
			}
			backoff = pause(backoff);
		}
		this.unfinished.addAndGet(pending.size());
	}

	/** Takes the accepted events of a 207 and returns the ones to send again. */
	private List<String> afterPartial(List<String> pending, byte[] answer) {
		Set<Integer> failed = new HashSet<>();
		Set<Integer> refused = new HashSet<>();
		try {
			for (JsonNode error : MAPPER.readTree(answer).path("errors")) {
				(error.path("status").asText().equals("failed") ? failed : refused).add(error.path("index").asInt());
			}
		}
		catch (IOException ex) {
			return pending;
		}
		List<String> again = new ArrayList<>();
		for (int i = 0; i < pending.size(); i++) {
			if (failed.contains(i)) {
				again.add(pending.get(i));
			}
			else if (refused.contains(i)) {
				this.invalid.incrementAndGet();
			}
			else {
				accept(pending.get(i));
			}
		}
		return again;
	}

	private static long pause(long backoff) {
		try {
			Thread.sleep(backoff);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Math.min(backoff * 2, 2_000);
	}

	private void accept(String event) {
		this.acceptedCount.incrementAndGet();
		if (!this.keepLog) {
			return;
		}
		try {
			JsonNode node = MAPPER.readTree(event);
			this.accepted.putIfAbsent(node.get("eventId").asText(), new Sent(node.get("titleId").asText(),
					node.get("sessionId").asText(), node.get("timestamp").asLong()));
		}
		catch (IOException ex) {
			throw new IllegalStateException("the load's own events are JSON", ex);
		}
	}

	Map<String, Sent> accepted() {
		return this.accepted;
	}

	long acceptedCount() {
		return this.acceptedCount.get();
	}

	/** The latencies of the successful requests since the last call, in nanoseconds. */
	List<Long> drainLatencies() {
		List<Long> drained = new ArrayList<>();
		for (Long latency = this.latencies.poll(); latency != null; latency = this.latencies.poll()) {
			drained.add(latency);
		}
		return drained;
	}

	long sent() {
		return this.next;
	}

	long requests() {
		return this.requests.get();
	}

	long retried() {
		return this.retried.get();
	}

	long resent() {
		return this.resent.get();
	}

	long invalid() {
		return this.invalid.get();
	}

	long unfinished() {
		return this.unfinished.get();
	}

	/**
	 * The longest time between a request that failed after a success and the next
	 * success: how long a client could not get events in.
	 */
	long longestUnavailableMillis() {
		List<Attempt> all = new ArrayList<>(this.attempts);
		all.sort((a, b) -> Long.compare(a.at(), b.at()));
		long longest = 0;
		long downSince = -1;
		for (Attempt attempt : all) {
			if (!attempt.succeeded() && downSince < 0) {
				downSince = attempt.at();
			}
			else if (attempt.succeeded() && downSince >= 0) {
				longest = Math.max(longest, attempt.at() - downSince);
				downSince = -1;
			}
		}
		return longest;
	}

	Instant firstAttempt() {
		return Instant.ofEpochMilli(this.attempts.stream().mapToLong(Attempt::at).min().orElse(0));
	}

}
