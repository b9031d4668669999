package dev.keystone.routing.viewers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.datastax.oss.driver.api.core.cql.Statement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keystone.events.ViewerCount;
import dev.keystone.events.Window;
import dev.keystone.routing.sink.RejectionPublisher;
import dev.keystone.routing.sink.SinkMetrics;
import dev.keystone.routing.sink.SinkSettings;
import dev.keystone.routing.sink.SinkStatus;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * Writes each batch of {@code viewers.counts} to Cassandra with concurrent upserts, and
 * returns before they land, so the next poll's writes go out while this batch's finish:
 * waiting for every write of a batch before reading the next left the store idle between
 * polls. A batch is acknowledged, and so its offsets committed, only once Cassandra took
 * every write of it and of every batch read before it ({@link InOrderAcknowledgments}); a
 * write that fails is tried again with growing pauses until it lands. Writes under way
 * are bounded ({@link ViewerWrites}); a batch that finds no room in time is handed back
 * to the consumer's paced retry. After a restart the unacknowledged batches are read
 * again and their upserts overwrite what already landed. A record that is not a viewer
 * count goes to {@code events.rejected}.
 */
class ViewerCountSink implements Consumer<Message<List<String>>>, AutoCloseable {

	private static final int STORED_WINDOWS = 10_000;

	private static final Logger log = LoggerFactory.getLogger(ViewerCountSink.class);

	private final ViewerCountStore store;

	private final ObjectMapper mapper;

	private final RejectionPublisher rejections;

	private final SinkStatus status;

	private final SinkMetrics metrics;

	private final ViewerGauges gauges;

	private final SinkSettings retries;

	private final ViewerWrites limits;

	private final Semaphore room;

	private final InOrderAcknowledgments acknowledgments = new InOrderAcknowledgments();

	private volatile boolean closed;

	/**
	 * Windows already recorded, newest last: every title of a window arrives at about the
	 * same time, and the window needs recording once, not once per title. Guarded by
	 * itself: batches land on the driver's threads.
	 */
	private final Map<ViewerCountStore.StoredWindow, Boolean> storedWindows = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ViewerCountStore.StoredWindow, Boolean> eldest) {
			return size() > STORED_WINDOWS;
		}

	};

	ViewerCountSink(ViewerCountStore store, ObjectMapper mapper, RejectionPublisher rejections, SinkStatus status,
			SinkSettings retries, ViewerWrites limits, MeterRegistry registry) {
		this.store = store;
		this.mapper = mapper;
		this.rejections = rejections;
		this.status = status;
		this.retries = retries;
		this.limits = limits;
		this.room = new Semaphore(limits.maxInFlight());
		this.metrics = SinkMetrics.of(registry, "cassandra");
		this.gauges = new ViewerGauges(registry);
	}

	@Override
	public void accept(Message<List<String>> message) {
		Acknowledgment acknowledgment = message.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
		if (acknowledgment == null) {
			throw new IllegalStateException("the viewer-count binding must acknowledge manually (ackMode MANUAL)");
		}
		List<ViewerCount> counts = new ArrayList<>(message.getPayload().size());
		for (String record : message.getPayload()) {
			ViewerCount count = parse(record);
			if (count != null) {
				counts.add(count);
			}
		}
		Set<ViewerCountStore.StoredWindow> windows = newWindows(counts);
		List<Statement<?>> writes = new ArrayList<>(counts.size() * 2 + windows.size());
		counts.forEach((count) -> this.store.writes(count).forEach((write) -> writes.add(limited(write))));
		windows.forEach((window) -> writes.add(limited(this.store.windowWrite(window))));
		int places = Math.min(writes.size(), this.limits.maxInFlight());
		awaitRoom(places);
		InOrderAcknowledgments.Batch batch = this.acknowledgments.add(acknowledgment);
		long started = System.nanoTime();
		CompletableFuture.allOf(writes.stream().map(this::writeUntilTaken).toArray(CompletableFuture[]::new))
			.whenComplete((done, error) -> {
				this.room.release(places);
				if (error == null) {
					stored(batch, counts, windows, started);
				}
			});
	}

	private Statement<?> limited(Statement<?> write) {
		return write.setTimeout(this.limits.timeout());
	}

	/** Stops retrying: what has not landed is read again after the restart. */
	@Override
	public void close() {
		this.closed = true;
	}

	private void awaitRoom(int places) {
		try {
			if (!this.room.tryAcquire(places, this.limits.roomTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
				throw new StoreUnavailableException("cassandra has not taken the writes under way within "
						+ this.limits.roomTimeout() + "; batches waiting: " + this.acknowledgments.waiting(), null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while waiting to write viewer counts", ex);
		}
	}

	private Set<ViewerCountStore.StoredWindow> newWindows(List<ViewerCount> counts) {
		Set<ViewerCountStore.StoredWindow> windows = new LinkedHashSet<>();
		counts.forEach((count) -> windows.add(ViewerCountStore.StoredWindow.of(count)));
		synchronized (this.storedWindows) {
			windows.removeAll(this.storedWindows.keySet());
		}
		return windows;
	}

	private void stored(InOrderAcknowledgments.Batch batch, List<ViewerCount> counts,
			Set<ViewerCountStore.StoredWindow> windows, long started) {
		synchronized (this.storedWindows) {
			windows.forEach((window) -> this.storedWindows.put(window, Boolean.TRUE));
		}
		this.metrics.writeTime().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		this.metrics.ok().increment(counts.size());
		counts.forEach(this.gauges::record);
		if (this.status.isPaused("cassandra")) {
			log.info("store available again sink=cassandra");
			this.status.writing("cassandra");
		}
		this.acknowledgments.stored(batch);
	}

	private CompletableFuture<Void> writeUntilTaken(Statement<?> write) {
		CompletableFuture<Void> taken = new CompletableFuture<>();
		attempt(write, taken, this.retries.initialBackoff());
		return taken;
	}

	private void attempt(Statement<?> write, CompletableFuture<Void> taken, Duration pause) {
		try {
			this.store.execute(write).whenComplete((result, error) -> {
				if (error == null) {
					taken.complete(null);
				}
				else {
					retryLater(write, taken, pause, error);
				}
			});
		}
		catch (RuntimeException ex) {
			retryLater(write, taken, pause, ex);
		}
	}

	private void retryLater(Statement<?> write, CompletableFuture<Void> taken, Duration pause, Throwable error) {
		if (this.closed) {
			taken.completeExceptionally(error);
			return;
		}
		if (!this.status.isPaused("cassandra")) {
			log.warn("store unavailable, viewer-count writes retried sink=cassandra pause={} reason={}", pause,
					error.getClass().getSimpleName() + ": " + error.getMessage());
		}
		this.status.waitingFor("cassandra", String.valueOf(error.getMessage()));
		this.metrics.retried().increment();
		Duration next = pause.multipliedBy(2);
		Duration capped = (next.compareTo(this.retries.maxBackoff()) > 0) ? this.retries.maxBackoff() : next;
		CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS)
			.execute(() -> attempt(write, taken, capped));
	}

	private ViewerCount parse(String record) {
		try {
			ViewerCount count = this.mapper.readValue(record, ViewerCount.class);
			String problem = problem(count);
			if (problem == null) {
				return count;
			}
			JsonNode original = this.mapper.readTree(record);
			reject(original.path("titleId").asText(null), problem, original);
		}
		catch (JsonProcessingException ex) {
			reject(null, "not a viewer count: " + ex.getOriginalMessage(), TextNode.valueOf(record));
		}
		return null;
	}

	/**
	 * Why Cassandra must never be asked to store this count, or null when it may be.
	 */
	static String problem(ViewerCount count) {
		if (count == null) {
			return "not a viewer count: null";
		}
		if (count.titleId() == null || count.titleId().isBlank()) {
			return "titleId missing";
		}
		if (Window.ofLabel(count.window()).isEmpty()) {
			return "window must be one of " + Window.labels();
		}
		if (count.start() == null || count.end() == null || !count.end().isAfter(count.start())) {
			return "start and end must be instants with end after start";
		}
		if (count.viewers() < 0 || count.events() < 0) {
			return "viewers and events must not be negative";
		}
		return null;
	}

	private void reject(String key, String reason, JsonNode original) {
		this.metrics.failed().increment();
		this.rejections.reject(key, "unwritable", reason, original);
	}

}
