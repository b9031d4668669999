package dev.keystone.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.events.Topics;

/**
 * The whole pipeline under faults. {@code bench/run faults} starts every server and
 * service, then this load, then kills and restarts the parts one after another, writing
 * each fault to {@code faults.timeline} and {@code faults.done} at the end. Meanwhile the
 * load sends known events through the gateway and this class samples consumer lag. Once
 * the load has stopped and the pipeline drained, the client's log of accepted events is
 * reconciled with Elasticsearch (every event stored exactly once, nothing extra) and with
 * the viewer counts on {@code viewers.counts} and in Cassandra (each 10 s and 1 m window
 * of each title holds the distinct sessions of its accepted events not flagged late).
 */
final class FaultScenario {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private static final Duration STEP = Duration.ofSeconds(10);

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final BenchSettings settings;

	private final int rate = Integer.parseInt(System.getenv().getOrDefault("BENCH_RATE", "200"));

	private final String processingGroup = System.getenv()
		.getOrDefault("BENCH_PROCESSING_APP_ID", "keystone-processing");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<long[]> lag = new CopyOnWriteArrayList<>();

	FaultScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void run() throws Exception {
		Path done = this.settings.state().resolve("faults.done");
		String run = "f" + Long.toString(System.currentTimeMillis(), 36);
		int titles = 20;
		FaultLoad load = new FaultLoad(this.settings.gateway(), this.settings.apiKey(), run, titles, 30, true);
		Thread sampler = new Thread(this::sampleLag, "lag-sampler");
		sampler.setDaemon(true);
		sampler.start();
		Files.writeString(this.settings.state().resolve("faults.load"), run);
		long[] stopAt = { Long.MAX_VALUE };
		Report.progress("faults: %d events/s through the gateway, run %s", this.rate, run);
		load.run(this.rate / 10, 100, () -> {
			if (stopAt[0] == Long.MAX_VALUE && Files.exists(done)) {
				stopAt[0] = System.currentTimeMillis() + 20_000;
			}
			return System.currentTimeMillis() >= stopAt[0];
		}, Duration.ofMinutes(10).toMillis());
		Report.progress("faults: load stopped; %d events accepted, waiting for the pipeline to drain",
				load.accepted().size());
		drain();
		sampler.interrupt();

		Map<String, Stored> stored = storedEvents(run);
		Map<String, FaultLoad.Sent> accepted = load.accepted();
		long lost = accepted.keySet().stream().filter((id) -> !stored.containsKey(id)).count();
		long duplicated = stored.values().stream().filter((s) -> s.copies() > 1).count();
		long extra = stored.keySet().stream().filter((id) -> !accepted.containsKey(id)).count();
		long exactlyOnce = accepted.keySet()
			.stream()
			.filter((id) -> stored.containsKey(id) && stored.get(id).copies() == 1)
			.count();
		long late = stored.values().stream().filter(Stored::late).count();
		accepted.entrySet()
			.stream()
			.filter((event) -> !stored.containsKey(event.getKey()))
			.sorted(Map.Entry.comparingByKey())
			.limit(10)
			.forEach((event) -> Report.progress("faults: lost %s (%s, event time %s)", event.getKey(),
					event.getValue().titleId(), Instant.ofEpochMilli(event.getValue().timestamp())));
		Map<String, Integer> archived = archived(run, accepted.keySet());
		long archiveLost = accepted.keySet().stream().filter((id) -> !archived.containsKey(id)).count();
		long archiveDuplicated = archived.values().stream().filter((copies) -> copies > 1).count();
		long exactlyOnceBoth = accepted.keySet()
			.stream()
			.filter((id) -> stored.containsKey(id) && stored.get(id).copies() == 1)
			.filter((id) -> archived.getOrDefault(id, 0) == 1)
			.count();
		Counts counts = checkCounts(run, titles, accepted, stored);
		List<String> recoveries = recoveries();
		long drops = viewerDropsDuringFaults(run);

		Report.figure("events sent (unique)", load.sent(), "events");
		Report.figure("events resent on purpose", load.resent(), "events");
		Report.figure("requests", load.requests(), "requests");
		Report.figure("requests retried (503, 429, 502, cut off, failed)", load.retried(), "requests");
		Report.figure("events accepted", accepted.size(), "events");
		Report.figure("events never accepted (gave up)", load.unfinished(), "events");
		Report.figure("events refused as invalid", load.invalid(), "events");
		Report.figure("events stored flagged late", late, "events");
		Report.figure("lost (accepted, not stored)", lost, "events");
		Report.figure("duplicated (stored more than once)", duplicated, "events");
		Report.figure("extra (stored, never accepted)", extra, "events");
		Report.figure("archive: lost (accepted, not in the Iceberg table)", archiveLost, "events");
		Report.figure("archive: duplicated (more than one row)", archiveDuplicated, "events");
		Report.figure("search alone: accepted events stored exactly once",
				accepted.isEmpty() ? 0 : (double) exactlyOnce / accepted.size(), "share");
		Report.figure("windows checked (10s and 1m, per title)", counts.checked(), "windows");
		Report.figure("counts wrong on viewers.counts", counts.wrongOnTopic(), "windows");
		Report.figure("counts wrong in Cassandra", counts.wrongInStore(), "windows");
		Report.figure("windows emitted more than once", counts.emittedTwice(), "windows");
		Report.figure("viewer-drop anomalies during faults", drops, "anomalies");
		Report.figure("longest ingest unavailability", load.longestUnavailableMillis() / 1000.0, "s");
		recoveries.forEach(System.out::println);
		Report.ratio("accepted events stored exactly once (search and archive)",
				accepted.isEmpty() ? 0 : (double) exactlyOnceBoth / accepted.size(), 6);
	}

	/**
	 * The run's rows in the archive, once every accepted event is there or the archive
	 * has had two commit intervals to commit what it holds.
	 */
	private Map<String, Integer> archived(String run, java.util.Set<String> accepted) throws InterruptedException {
		ArchivedEvents archive = new ArchivedEvents(System.getenv());
		long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
		Map<String, Integer> archived = Map.of();
		while (System.nanoTime() < deadline) {
			try {
				archived = archive.copies(run + "-");
				if (archived.keySet().containsAll(accepted)) {
					break;
				}
				Report.progress("faults: %,d of %,d accepted events archived so far", archived.size(), accepted.size());
			}
			catch (RuntimeException ex) {
				Report.progress("faults: archive not readable yet: %s", ex.getMessage());
			}
			Thread.sleep(5000);
		}
		return archived;
	}

	/**
	 * One sample a second of the lag of processing (on {@code events.raw}) and routing
	 * (on {@code events.enriched} and {@code viewers.counts}); -1 while Kafka does not
	 * answer.
	 */
	private void sampleLag() {
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			while (!Thread.currentThread().isInterrupted()) {
				long total;
				try {
					total = lagOf(kafka, this.processingGroup, Topics.EVENTS_RAW)
							+ lagOf(kafka, "keystone-routing-search", Topics.EVENTS_ENRICHED)
							+ lagOf(kafka, "keystone-routing-viewers", Topics.VIEWERS_COUNTS);
				}
				catch (Exception ex) {
					total = -1;
				}
				this.lag.add(new long[] { System.currentTimeMillis(), total });
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private static long lagOf(KafkaTopics kafka, String group, String topic) throws Exception {
		return Math.max(0, kafka.endOffset(topic) - kafka.committed(group, topic));
	}

	/**
	 * Waits until nothing is left to read and the last windows had time to close (grace
	 * and idle time of processing, about 75 s for a minute window). A consumer of a
	 * transactional topic commits the offset after its last record, which may leave the
	 * commit marker behind it: up to one offset per partition is not lag.
	 */
	private void drain() throws InterruptedException {
		long stopped = System.currentTimeMillis();
		long deadline = stopped + Duration.ofMinutes(10).toMillis();
		int quiet = 0;
		while (System.currentTimeMillis() < deadline) {
			Thread.sleep(1000);
			long[] last = this.lag.isEmpty() ? new long[] { 0, -1 } : this.lag.get(this.lag.size() - 1);
			quiet = (last[1] >= 0 && last[1] <= 3 * 12) ? quiet + 1 : 0;
			if (quiet >= 5 && System.currentTimeMillis() - stopped > 100_000) {
				return;
			}
		}
		Report.progress("faults: the pipeline did not drain within 10 minutes");
	}

	/**
	 * Recovery after each fault: from the moment the part was back until the lag was at
	 * most what it was before the fault (its 90th percentile over the 30 s before, and at
	 * least a second of load).
	 */
	private List<String> recoveries() throws IOException {
		Path timeline = this.settings.state().resolve("faults.timeline");
		List<String> lines = new ArrayList<>();
		if (!Files.exists(timeline)) {
			return lines;
		}
		for (String line : Files.readAllLines(timeline)) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length < 3) {
				continue;
			}
			long start = Long.parseLong(parts[1]);
			long end = Long.parseLong(parts[2]);
			List<Long> before = new ArrayList<>();
			for (long[] sample : this.lag) {
				if (sample[0] >= start - 30_000 && sample[0] < start && sample[1] >= 0) {
					before.add(sample[1]);
				}
			}
			before.sort(Long::compare);
			long threshold = Math.max(this.rate,
					before.isEmpty() ? 0 : before.get((int) Math.floor(0.9 * (before.size() - 1))));
			long recovered = -1;
			for (long[] sample : this.lag) {
				if (sample[0] >= end && sample[1] >= 0 && sample[1] <= threshold) {
					recovered = sample[0];
					break;
				}
			}
			String value = (recovered < 0) ? "not recovered"
					: String.format(java.util.Locale.ROOT, "%.1f s", (recovered - end) / 1000.0);
			lines.add(String.format(java.util.Locale.ROOT, "%-58s %14s (down %.1f s)", "recovery after " + parts[0],
					value, (end - start) / 1000.0));
		}
		return lines;
	}

	/** An event as Elasticsearch holds it, and in how many documents. */
	record Stored(String titleId, String sessionId, long timestamp, boolean late, int copies) {

	}

	/**
	 * The run's events in Elasticsearch, read in eventId order; an id in more than one
	 * document (the same event in two daily indices) is found by aggregation.
	 */
	private Map<String, Stored> storedEvents(String run) throws IOException, InterruptedException {
		Map<String, Stored> stored = new HashMap<>();
		ObjectNode duplicates = MAPPER.createObjectNode();
		duplicates.put("size", 0);
		duplicates.putObject("query").putObject("prefix").put("eventId", run + "-");
		duplicates.putObject("aggs")
			.putObject("ids")
			.putObject("terms")
			.put("field", "eventId")
			.put("min_doc_count", 2)
			.put("size", 10_000);
		Map<String, Integer> copies = new HashMap<>();
		for (JsonNode bucket : post(events("_search"), duplicates).path("aggregations").path("ids").path("buckets")) {
			copies.put(bucket.path("key").asText(), bucket.path("doc_count").asInt());
		}
		JsonNode after = null;
		while (true) {
			ObjectNode query = MAPPER.createObjectNode();
			query.put("size", 5000);
			query.putArray("_source").add("eventId").add("titleId").add("sessionId").add("timestamp").add("late");
			query.putObject("query").putObject("prefix").put("eventId", run + "-");
			query.putArray("sort").addObject().put("eventId", "asc");
			if (after != null) {
				query.set("search_after", after);
			}
			JsonNode hits = post(events("_search"), query).path("hits").path("hits");
			if (hits.isEmpty()) {
				return stored;
			}
			for (JsonNode hit : hits) {
				JsonNode source = hit.path("_source");
				String id = source.path("eventId").asText();
				stored.put(id,
						new Stored(source.path("titleId").asText(), source.path("sessionId").asText(),
								Instant.parse(source.path("timestamp").asText()).toEpochMilli(),
								source.path("late").asBoolean(false), copies.getOrDefault(id, 1)));
				after = hit.path("sort");
			}
		}
	}

	private URI events(String action) {
		return this.settings.elasticsearch().resolve("/keystone-events-*/" + action);
	}

	/** Windows checked, and how many disagree with the accepted events. */
	record Counts(long checked, long wrongOnTopic, long wrongInStore, long emittedTwice) {

	}

	private Counts checkCounts(String run, int titles, Map<String, FaultLoad.Sent> accepted, Map<String, Stored> stored)
			throws Exception {
		Map<String, Set<String>> expected = new HashMap<>();
		for (Map.Entry<String, FaultLoad.Sent> event : accepted.entrySet()) {
			Stored copy = stored.get(event.getKey());
			if (copy == null || copy.late()) {
				continue;
			}
			FaultLoad.Sent sent = event.getValue();
			for (Duration size : List.of(STEP, MINUTE)) {
				long start = Math.floorDiv(sent.timestamp(), size.toMillis()) * size.toMillis();
				expected.computeIfAbsent(key(sent.titleId(), size, start), (k) -> new HashSet<>())
					.add(sent.sessionId());
			}
		}
		Map<String, Long> onTopic = new HashMap<>();
		long emittedTwice = 0;
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			for (String value : kafka.readAll(Topics.VIEWERS_COUNTS)) {
				JsonNode count = MAPPER.readTree(value);
				if (!count.path("titleId").asText().startsWith(run + "-")) {
					continue;
				}
				Duration size = count.path("window").asText().equals("10s") ? STEP : MINUTE;
				String key = key(count.path("titleId").asText(), size,
						Instant.parse(count.path("start").asText()).toEpochMilli());
				if (onTopic.put(key, count.path("viewers").asLong()) != null) {
					emittedTwice++;
				}
			}
		}
		Map<String, Long> inStore = new HashMap<>();
		long from = accepted.values().stream().mapToLong(FaultLoad.Sent::timestamp).min().orElse(0);
		long to = accepted.values().stream().mapToLong(FaultLoad.Sent::timestamp).max().orElse(0);
		for (int t = 0; t < titles; t++) {
			String titleId = run + "-title-" + t;
			for (Duration size : List.of(STEP, MINUTE)) {
				String window = (size == STEP) ? "10s" : "1m";
				URI uri = this.settings.routing()
					.resolve("/v1/titles/" + titleId + "/viewers?window=" + window + "&from="
							+ Instant.ofEpochMilli(from - size.toMillis()) + "&to="
							+ Instant.ofEpochMilli(to + size.toMillis()));
				for (JsonNode point : get(uri).path("points")) {
					inStore.put(key(titleId, size, Instant.parse(point.path("start").asText()).toEpochMilli()),
							point.path("viewers").asLong());
				}
			}
		}
		Set<String> windows = new HashSet<>(expected.keySet());
		windows.addAll(onTopic.keySet());
		windows.addAll(inStore.keySet());
		long wrongOnTopic = 0;
		long wrongInStore = 0;
		List<String> examples = new ArrayList<>();
		for (String window : windows) {
			long want = expected.containsKey(window) ? expected.get(window).size() : 0;
			long topic = onTopic.getOrDefault(window, 0L);
			long store = inStore.getOrDefault(window, 0L);
			if (topic != want) {
				wrongOnTopic++;
			}
			if (store != want) {
				wrongInStore++;
			}
			if ((topic != want || store != want) && examples.size() < 5) {
				examples.add(window + " expected " + want + " topic " + topic + " store " + store);
			}
		}
		examples.forEach((example) -> Report.progress("faults: count differs: %s", example));
		return new Counts(windows.size(), wrongOnTopic, wrongInStore, emittedTwice);
	}

	private static String key(String titleId, Duration size, long start) {
		return titleId + " " + size.toSeconds() + "s " + Instant.ofEpochMilli(start);
	}

	/**
	 * Active-viewer anomalies of the run's titles: the load keeps every title's sessions
	 * steady, so any such anomaly is a pipeline fault mistaken for viewers leaving.
	 */
	private long viewerDropsDuringFaults(String run) throws Exception {
		long drops = 0;
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			for (String value : kafka.readAll(Topics.ANOMALIES)) {
				JsonNode anomaly = MAPPER.readTree(value);
				if (anomaly.path("metric").asText().equals("active_viewers")
						&& anomaly.path("scope").asText().contains(run + "-")) {
					drops++;
					Report.progress("faults: anomaly %s", value);
				}
			}
		}
		return drops;
	}

	private JsonNode get(URI uri) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		return MAPPER.readTree(response.body());
	}

	private JsonNode post(URI uri, JsonNode body) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("Elasticsearch answered " + response.statusCode() + ": " + response.body());
		}
		return MAPPER.readTree(response.body());
	}

}
