package dev.keystone.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast routing-service drains a backlog into Elasticsearch and Cassandra, against a
 * plain bulk client and plain async CQL writing the same data in the same run, and the
 * latency of its read API under concurrent load.
 *
 * <p>
 * Two phases, because routing-service must start only once its backlog is on the topics:
 * {@code prepare} preloads the topics and measures the raw baselines (both stores at
 * once, as the service writes both at once); {@code measure} runs while routing-service
 * starts, from the launch on.
 */
final class RoutingScenario {

	static final String SEARCH_GROUP = "keystone-routing-search";

	static final String VIEWERS_GROUP = "keystone-routing-viewers";

	private static final String EVENTS_TOPIC = "events.enriched";

	private static final String COUNTS_TOPIC = "viewers.counts";

	/** At most as many documents as one poll of routing-service's consumer brings. */
	private static final int BULK_SIZE = 2000;

	private static final int CQL_IN_FLIGHT = 256;

	private static final String RAW_INDEX = "bench-raw-events";

	private static final String RAW_KEYSPACE = "bench_raw";

	private static final int READ_CLIENTS = 16;

	private static final Duration READ_PERIOD = Duration.ofSeconds(15);

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(15);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final BenchSettings settings;

	RoutingScenario(BenchSettings settings) {
		this.settings = settings;
	}

	private Path stateFile() {
		return this.settings.state().resolve("routing-raw.properties");
	}

	void prepare() throws Exception {
		Instant now = Instant.now();
		PipelineData data = new PipelineData(this.settings.counts(), now);
		List<PipelineData.Enriched> events = data.events(this.settings.events(), "bench-", now);
		List<PipelineData.Count> counts = data.counts("title-");
		preload(events, counts);

		List<byte[]> documents = new ArrayList<>(events.size());
		events.forEach((event) -> documents.add(event.document()));
		Path template = this.settings.root()
			.resolve("routing-service/src/main/resources/elasticsearch/events-template.json");
		Path schema = this.settings.root().resolve("routing-service/src/main/resources/cassandra/schema.cql");
		Properties raw = new Properties();
		try (RawBulk bulk = new RawBulk(this.settings.elasticsearch());
				RawCql cql = new RawCql(this.settings.cassandra())) {
			bulk.createIndex(RAW_INDEX, template);
			cql.createKeyspace(RAW_KEYSPACE, schema);

			Report.progress("raw baselines: warming both stores up (untimed)");
			List<PipelineData.Enriched> warmEvents = data.events(20_000, "warm-", now);
			List<byte[]> warmDocuments = warmEvents.stream().map(PipelineData.Enriched::document).toList();
			bulk.createIndex("bench-warm-events", template);
			CompletableFuture<Long> warmBulk = async(
					() -> bulk.index("bench-warm-events", warmEvents, warmDocuments, BULK_SIZE));
			cql.write(RAW_KEYSPACE, data.counts("warm-title-").subList(0, 10_000), CQL_IN_FLIGHT);
			warmBulk.get();
			bulk.deleteIndex("bench-warm-events");

			Report.progress(
					"raw baselines: %,d documents in bulks of %,d and %,d viewer counts (%,d CQL inserts, "
							+ "%d in flight), both at once",
					events.size(), BULK_SIZE, counts.size(), counts.size() * 3, CQL_IN_FLIGHT);
			CompletableFuture<Long> bulkNanos = async(() -> bulk.index(RAW_INDEX, events, documents, BULK_SIZE));
			long cqlNanos = cql.write(RAW_KEYSPACE, counts, CQL_IN_FLIGHT);
			double bulkRate = events.size() / (bulkNanos.get() / 1e9);
			double cqlRate = counts.size() / (cqlNanos / 1e9);
			long indexed = bulk.count(RAW_INDEX);
			if (indexed != events.size()) {
				throw new IllegalStateException("raw index holds " + indexed + " documents, expected " + events.size());
			}
			Report.figure("raw elasticsearch bulk (" + BULK_SIZE + " docs/bulk, 1 in flight)", bulkRate, "docs/s");
			Report.figure("raw async CQL (3 inserts per count, " + CQL_IN_FLIGHT + " in flight)", cqlRate, "counts/s");
			raw.setProperty("bulk", String.valueOf(bulkRate));
			raw.setProperty("cql", String.valueOf(cqlRate));
			raw.setProperty("seriesStart", data.seriesStart().toString());
			raw.setProperty("titles", String.valueOf(data.titles()));
			raw.setProperty("events", String.valueOf(events.size()));
			raw.setProperty("counts", String.valueOf(counts.size()));
		}
		Files.createDirectories(this.settings.state());
		try (Writer out = Files.newBufferedWriter(stateFile())) {
			raw.store(out, "raw baselines of the routing scenario");
		}
	}

	void measure() throws Exception {
		Properties raw = new Properties();
		try (Reader in = Files.newBufferedReader(stateFile())) {
			raw.load(in);
		}
		long events = Long.parseLong(raw.getProperty("events"));
		long counts = Long.parseLong(raw.getProperty("counts"));
		GroupProgress search = new GroupProgress(SEARCH_GROUP);
		GroupProgress viewers = new GroupProgress(VIEWERS_GROUP);
		long searchTarget;
		long viewersTarget;
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			searchTarget = kafka.endOffset(EVENTS_TOPIC);
			viewersTarget = kafka.endOffset(COUNTS_TOPIC);
			Report.progress("waiting for routing-service to drain %,d events and %,d viewer counts", searchTarget,
					viewersTarget);
			long started = System.nanoTime();
			long deadline = started + DRAIN_TIMEOUT.toNanos();
			long nextLog = started;
			while (!(search.done() && viewers.done())) {
				if (search.committed == 0 && viewers.committed == 0
						&& System.nanoTime() - started > START_TIMEOUT.toNanos() && !ready()) {
					throw new IllegalStateException("routing-service neither ready nor consuming after "
							+ START_TIMEOUT.toSeconds() + " s; see its log");
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("routing-service did not drain within " + DRAIN_TIMEOUT
							+ ": search " + search.committed + ", viewers " + viewers.committed);
				}
				long searched = kafka.committed(SEARCH_GROUP, EVENTS_TOPIC);
				search.record(searched, searched >= searchTarget);
				long counted = kafka.committed(VIEWERS_GROUP, COUNTS_TOPIC);
				viewers.record(counted, counted >= viewersTarget);
				if (System.nanoTime() >= nextLog) {
					Report.progress("drained: events %,d of %,d, viewer counts %,d of %,d", search.committed,
							searchTarget, viewers.committed, viewersTarget);
					nextLog += Duration.ofSeconds(5).toNanos();
				}
				Thread.sleep(200);
			}
		}
		long stored;
		long rows;
		try (RawBulk bulk = new RawBulk(this.settings.elasticsearch());
				RawCql cql = new RawCql(this.settings.cassandra())) {
			stored = bulk.count("keystone-events-*");
			rows = cql.count("keystone.viewer_counts_by_window");
		}
		waitUntilReady();
		Reads reads = reads(Instant.parse(raw.getProperty("seriesStart")), Integer.parseInt(raw.getProperty("titles")));

		double bulkRate = Double.parseDouble(raw.getProperty("bulk"));
		double cqlRate = Double.parseDouble(raw.getProperty("cql"));
		Report.figure("preloaded enriched events", events, "events");
		Report.figure("preloaded viewer counts", counts, "counts");
		Report.figure("documents in keystone-events-* after the drain", stored, "docs");
		Report.figure("rows in keystone.viewer_counts_by_window after the drain", rows, "rows");
		String launched = System.getenv("BENCH_LAUNCHED_AT");
		if (launched != null) {
			long launchedAt = Long.parseLong(launched);
			Report.figure("routing-service launch to all events stored", (search.doneAtMillis - launchedAt) / 1000.0,
					"s");
			Report.figure("routing-service launch to all counts stored", (viewers.doneAtMillis - launchedAt) / 1000.0,
					"s");
		}
		Report.figure("routing-service into elasticsearch (after its first commit)", search.rate(searchTarget),
				"events/s");
		Report.figure("routing-service into cassandra (after its first commit)", viewers.rate(viewersTarget),
				"counts/s");
		Report.figure("raw elasticsearch bulk (same run)", bulkRate, "docs/s");
		Report.figure("raw async CQL (same run)", cqlRate, "counts/s");
		Report.figure("read load clients", READ_CLIENTS, "clients");
		Report.figure("GET /v1/titles/{id}/viewers answered", reads.viewers.count() / (double) READ_PERIOD.toSeconds(),
				"requests/s");
		Report.latency("GET /v1/titles/{id}/viewers", reads.viewers);
		Report.figure("GET /v1/events?titleId= answered", reads.search.count() / (double) READ_PERIOD.toSeconds(),
				"requests/s");
		Report.latency("GET /v1/events?titleId=", reads.search);
		if (reads.failed.get() > 0) {
			Report.figure("read requests not answered 200", reads.failed.get(), "requests");
		}
		if (stored < events || rows < counts) {
			Report.progress("WARNING: the stores hold fewer records than were preloaded");
		}
		// Both sinks have the same goal; the one further from it is the figure that
		// decides, so it goes last.
		double searchRatio = search.rate(searchTarget) / bulkRate;
		double viewersRatio = viewers.rate(viewersTarget) / cqlRate;
		if (searchRatio < viewersRatio) {
			Report.ratio("cassandra counts/s ÷ raw async CQL", viewersRatio);
			Report.ratio("elasticsearch events/s ÷ raw bulk", searchRatio);
		}
		else {
			Report.ratio("elasticsearch events/s ÷ raw bulk", searchRatio);
			Report.ratio("cassandra counts/s ÷ raw async CQL", viewersRatio);
		}
	}

	private void preload(List<PipelineData.Enriched> events, List<PipelineData.Count> counts)
			throws InterruptedException, ExecutionException {
		Report.progress("preloading %,d events into %s and %,d viewer counts into %s", events.size(), EVENTS_TOPIC,
				counts.size(), COUNTS_TOPIC);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
				ProducerConfig.BATCH_SIZE_CONFIG, 262144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (PipelineData.Enriched event : events) {
				producer.send(new ProducerRecord<>(EVENTS_TOPIC, event.deviceId(), event.json()));
			}
			for (PipelineData.Count count : counts) {
				producer.send(new ProducerRecord<>(COUNTS_TOPIC, count.titleId(), count.json()));
			}
			producer.flush();
		}
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			Report.progress("topics hold %,d enriched events and %,d viewer counts", kafka.endOffset(EVENTS_TOPIC),
					kafka.endOffset(COUNTS_TOPIC));
		}
	}

	private void waitUntilReady() throws InterruptedException {
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (ready()) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("routing-service not ready");
	}

	private boolean ready() {
		try (HttpConnection http = new HttpConnection(this.settings.routing())) {
			return http.get("/actuator/health/readiness", Map.of()).status() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Latencies of the two read endpoints under one concurrent load.
	 */
	record Reads(LatencyRecorder viewers, LatencyRecorder search, AtomicLong failed) {

	}

	private Reads reads(Instant seriesStart, int titles) throws InterruptedException {
		Reads reads = new Reads(new LatencyRecorder(), new LatencyRecorder(), new AtomicLong());
		String range = "&from=" + seriesStart + "&to=" + seriesStart.plus(PipelineData.SERIES);
		Report.progress("read load: %d clients for %d s on /v1/titles/{id}/viewers and /v1/events?titleId=",
				READ_CLIENTS, READ_PERIOD.toSeconds());
		long end = System.nanoTime() + READ_PERIOD.toNanos();
		List<Thread> clients = new ArrayList<>();
		for (int c = 0; c < READ_CLIENTS; c++) {
			SplittableRandom random = new SplittableRandom(c);
			Thread client = new Thread(() -> {
				try (HttpConnection http = new HttpConnection(this.settings.routing())) {
					for (int i = 0; System.nanoTime() < end; i++) {
						String title = "title-" + random.nextInt(titles);
						boolean viewerRead = (i % 2 == 0);
						String path = viewerRead ? "/v1/titles/" + title + "/viewers?window=10s" + range
								: "/v1/events?titleId=" + title + "&size=50";
						long sent = System.nanoTime();
						try {
							int status = http.get(path, Map.of()).status();
							long took = System.nanoTime() - sent;
							if (status != 200) {
								reads.failed().incrementAndGet();
							}
							else {
								(viewerRead ? reads.viewers() : reads.search()).record(took);
							}
						}
						catch (IOException ex) {
							reads.failed().incrementAndGet();
						}
					}
				}
			}, "read-" + c);
			client.start();
			clients.add(client);
		}
		for (Thread client : clients) {
			client.join();
		}
		return reads;
	}

	private interface Timed {

		long call() throws Exception;

	}

	private static CompletableFuture<Long> async(Timed timed) {
		CompletableFuture<Long> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(timed.call());
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "raw-bulk");
		thread.start();
		return result;
	}

}
