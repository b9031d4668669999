package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Times sampled events until their title's 10 s viewer count for the window they fall in
 * is served: every 250 ms, {@code GET /v1/titles/{id}/viewers?window=10s} through the
 * gateway for each title with windows still missing. The window closes only after its end
 * plus processing-service's grace, so this stage is bounded below by the window itself.
 */
final class ViewerWatch implements AutoCloseable {

	private static final long POLL_MILLIS = 250;

	private final ObjectMapper mapper = new ObjectMapper();

	private final HttpConnection gateway;

	private final Map<String, String> headers;

	private final Queue<EndToEndEvents.Sample> incoming = new ConcurrentLinkedQueue<>();

	/** Title → window start → samples waiting for it. */
	private final Map<String, TreeMap<Long, List<EndToEndEvents.Sample>>> pending = new HashMap<>();

	private final Map<String, Long> pendingPerPhase = new ConcurrentHashMap<>();

	private final StageLatencies latencies = new StageLatencies();

	private final Thread poller;

	private volatile boolean running = true;

	ViewerWatch(URI gateway, Map<String, String> headers) {
		this.gateway = new HttpConnection(gateway);
		this.headers = headers;
		this.poller = new Thread(this::poll, "viewer-watch");
		this.poller.setDaemon(true);
		this.poller.start();
	}

	void watch(EndToEndEvents.Sample sample) {
		this.pendingPerPhase.merge(sample.phase(), 1L, Long::sum);
		this.incoming.add(sample);
	}

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
				this.pending.computeIfAbsent(sample.titleId(), (title) -> new TreeMap<>())
					.computeIfAbsent(sample.windowStart(), (window) -> new ArrayList<>())
					.add(sample);
			}
			for (var title : this.pending.entrySet()) {
				if (!title.getValue().isEmpty()) {
					try {
						look(title.getKey(), title.getValue());
					}
					catch (IOException ex) {
						Report.progress("viewer watch: %s", ex.getMessage());
					}
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

	private void look(String title, TreeMap<Long, List<EndToEndEvents.Sample>> windows) throws IOException {
		Instant from = Instant.ofEpochMilli(windows.firstKey());
		Instant to = Instant.ofEpochMilli(windows.lastKey() + 10_000);
		HttpConnection.Response response = this.gateway
			.get("/v1/titles/" + title + "/viewers?window=10s&from=" + from + "&to=" + to, this.headers);
		long now = System.currentTimeMillis();
		if (response.status() != 200) {
			return;
		}
		for (JsonNode point : this.mapper.readTree(response.body()).path("points")) {
			List<EndToEndEvents.Sample> waiting = windows
				.remove(Instant.parse(point.path("start").asText()).toEpochMilli());
			if (waiting != null) {
				for (EndToEndEvents.Sample sample : waiting) {
					this.latencies.record(sample.phase(), (now - sample.dueMillis()) * 1000);
					this.pendingPerPhase.merge(sample.phase(), -1L, Long::sum);
				}
			}
		}
	}

	@Override
	public void close() throws Exception {
		this.running = false;
		this.poller.join(5000);
		this.gateway.close();
	}

}
