package dev.keystone.routing.viewers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keystone.events.ViewerCount;
import dev.keystone.events.Window;
import dev.keystone.routing.sink.RejectionPublisher;
import dev.keystone.routing.sink.SinkMetrics;
import dev.keystone.routing.sink.SinkStatus;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes each batch of {@code viewers.counts} to Cassandra with concurrent upserts. The
 * batch returns, and so its offsets commit, only when every write was acknowledged; a
 * record that is not a viewer count goes to {@code events.rejected}.
 */
class ViewerCountSink implements Consumer<List<String>> {

	private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

	private static final int STORED_WINDOWS = 10_000;

	private final ViewerCountStore store;

	private final ObjectMapper mapper;

	private final RejectionPublisher rejections;

	private final SinkStatus status;

	private final SinkMetrics metrics;

	private final ViewerGauges gauges;

	/**
	 * Windows already recorded, newest last: every title of a window arrives at about the
	 * same time, and the window needs recording once, not once per title. Only the
	 * binding's one listener thread uses it.
	 */
	private final Map<ViewerCountStore.StoredWindow, Boolean> storedWindows = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<ViewerCountStore.StoredWindow, Boolean> eldest) {
			return size() > STORED_WINDOWS;
		}

	};

	ViewerCountSink(ViewerCountStore store, ObjectMapper mapper, RejectionPublisher rejections, SinkStatus status,
			MeterRegistry registry) {
		this.store = store;
		this.mapper = mapper;
		this.rejections = rejections;
		this.status = status;
		this.metrics = SinkMetrics.of(registry, "cassandra");
		this.gauges = new ViewerGauges(registry);
	}

	@Override
	public void accept(List<String> records) {
		List<CompletionStage<AsyncResultSet>> writes = new ArrayList<>(records.size() * 2);
		Set<ViewerCountStore.StoredWindow> windows = new LinkedHashSet<>();
		List<ViewerCount> counts = new ArrayList<>(records.size());
		long started = System.nanoTime();
		try {
			for (String record : records) {
				ViewerCount count = parse(record);
				if (count != null) {
					writes.addAll(this.store.write(count));
					windows.add(ViewerCountStore.StoredWindow.of(count));
					counts.add(count);
				}
			}
			windows.removeAll(this.storedWindows.keySet());
			windows.forEach((window) -> writes.add(this.store.writeWindow(window)));
			CompletableFuture
				.allOf(writes.stream().map(CompletionStage::toCompletableFuture).toArray(CompletableFuture[]::new))
				.get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			this.status.waitingFor("cassandra", String.valueOf(ex.getMessage()));
			throw new StoreUnavailableException("cassandra did not take a batch of viewer counts", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while writing viewer counts", ex);
		}
		finally {
			this.metrics.writeTime().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
		windows.forEach((window) -> this.storedWindows.put(window, Boolean.TRUE));
		this.status.writing("cassandra");
		this.metrics.ok().increment(counts.size());
		counts.forEach(this.gauges::record);
	}

	private ViewerCount parse(String record) {
		JsonNode original;
		try {
			original = this.mapper.readTree(record);
			ViewerCount count = this.mapper.treeToValue(original, ViewerCount.class);
			String problem = problem(count);
			if (problem == null) {
				return count;
			}
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
