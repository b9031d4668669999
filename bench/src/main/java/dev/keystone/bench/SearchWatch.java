package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Times sampled events until a search finds them: every 100 ms one {@code terms} query on
 * {@code eventId} over {@code keystone-events-*} for the samples not found yet. A sample
 * counts as searchable at the end of the query that first returned it, so the figure is
 * late by up to one poll.
 */
final class SearchWatch implements AutoCloseable {

	private static final long POLL_MILLIS = 100;

	private static final int IDS_PER_QUERY = 5000;

	private final ObjectMapper mapper = new ObjectMapper();

	private final HttpConnection elasticsearch;

	private final Queue<EndToEndEvents.Sample> incoming = new ConcurrentLinkedQueue<>();

	private final Map<String, EndToEndEvents.Sample> pending = new LinkedHashMap<>();

	private final Map<String, Long> pendingPerPhase = new ConcurrentHashMap<>();

	private final StageLatencies latencies = new StageLatencies();

	private final Thread poller;

	private volatile boolean running = true;

	SearchWatch(URI elasticsearch) {
		this.elasticsearch = new HttpConnection(elasticsearch);
		this.poller = new Thread(this::poll, "search-watch");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	void watch(EndToEndEvents.Sample sample) {
		this.pendingPerPhase.merge(sample.phase(), 1L, Long::sum);
		this.incoming.add(sample);
	}

	/** Samples of the phase not found yet. */
	long pending(String phase) {
		return this.pendingPerPhase.getOrDefault(phase, 0L);
	}

	StageLatencies latencies() {
		return this.latencies;
	}

	private void poll() {
		while (this.running) {
			long started = System.currentTimeMillis();
			for (EndToEndEvents.Sample sample; (sample = this.incoming.poll()) != null;) {
				this.pending.put(sample.eventId(), sample);
			}
			if (!this.pending.isEmpty()) {
				try {
					search();
				}
				catch (IOException ex) {
					Report.progress("search watch: %s", ex.getMessage());
				}
			}
			long rest = POLL_MILLIS - (System.currentTimeMillis() - started);
			if (rest > 0) {
				try {
					Thread.sleep(rest);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	private void search() throws IOException {
		StringBuilder query = new StringBuilder("{\"size\":").append(IDS_PER_QUERY)
			.append(",\"_source\":[\"eventId\"],\"query\":{\"terms\":{\"eventId\":[");
		Iterator<String> ids = this.pending.keySet().iterator();
		for (int i = 0; i < IDS_PER_QUERY && ids.hasNext(); i++) {
			query.append((i > 0) ? "," : "").append('"').append(ids.next()).append('"');
		}
		query.append("]}}}");
		HttpConnection.Response response = this.elasticsearch.post("/keystone-events-*/_search", Map.of(),
				query.toString().getBytes(StandardCharsets.UTF_8));
		long now = System.currentTimeMillis();
		if (response.status() != 200) {
			return;
		}
		for (JsonNode hit : this.mapper.readTree(response.body()).path("hits").path("hits")) {
			EndToEndEvents.Sample found = this.pending.remove(hit.path("_source").path("eventId").asText());
			if (found != null) {
				this.latencies.record(found.phase(), (now - found.dueMillis()) * 1000);
				this.pendingPerPhase.merge(found.phase(), -1L, Long::sum);
			}
		}
	}

	@Override
	public void close() throws Exception {
		this.running = false;
		this.poller.join(5000);
		this.elasticsearch.close();
	}

}
