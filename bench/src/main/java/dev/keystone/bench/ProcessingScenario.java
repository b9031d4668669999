package dev.keystone.bench;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How fast processing-service works through a backlog of raw events, and how long an
 * event takes through it under a steady load, against the same distinct-viewer windows as
 * an Apache Flink job over the same backlog, in the same run.
 *
 * <p>
 * Two phases, because processing-service must start only once its backlog is on the
 * topic: {@code prepare} writes the catalog and the backlog to {@code events.raw} and
 * runs the Flink job over it (nothing else running, {@code flink} in a JVM of its own);
 * {@code measure} runs while processing-service starts: it follows the service's consumer
 * group until it has committed the whole backlog (each commit covers the events cleansed,
 * enriched, written and summed into their windows), then sends a steady load stamped with
 * the current time and reads {@code processedAt} back from {@code events.enriched}.
 */
final class ProcessingScenario {

	private static final String RAW_TOPIC = "events.raw";

	private static final String ENRICHED_TOPIC = "events.enriched";

	private static final String CATALOG_TOPIC = "catalog.titles";

	private static final String COUNTS_TOPIC = "viewers.counts";

	/** Concurrent viewers in the backlog and the steady load. */
	private static final int VIEWERS = 40_000;

	/**
	 * Event times of the backlog run through this span, ending when the preload starts.
	 */
	private static final Duration SPAN = Duration.ofMinutes(5);

	/** How much earlier than its place on the time line a device may stamp an event. */
	private static final int JITTER_MILLIS = 3000;

	private static final int FLINK_PARALLELISM = 2;

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

	private static final Pattern STAGE = Pattern
		.compile("^keystone_processing_events_total\\{[^}]*stage=\"([a-z]+)\"[^}]*\\} ([0-9.E+-]+)$");

	private static final Pattern REJECTED = Pattern
		.compile("^keystone_processing_rejected_total\\{[^}]*reason=\"([a-z_]+)\"[^}]*\\} ([0-9.E+-]+)$");

	/** Kafka Streams' count of records a task dropped, by task. */
	private static final Pattern DROPPED = Pattern
		.compile("^kafka_stream_task_dropped_records_total\\{[^}]*task_id=\"([^\"]+)\"[^}]*\\} ([0-9.E+-]+)$");

	private final BenchSettings settings;

	/**
	 * Whether the Flink jobs run ({@code BENCH_FLINK=off} measures processing-service
	 * alone, for trying its settings; no comparison and no ratio then).
	 */
	private final boolean withFlink;

	private final String applicationId;

	ProcessingScenario(BenchSettings settings) {
		this.settings = settings;
		Map<String, String> env = System.getenv();
		this.applicationId = env.getOrDefault("BENCH_PROCESSING_APP_ID", "keystone-processing");
		this.withFlink = !"off".equals(env.getOrDefault("BENCH_FLINK", "on"));
	}

	void prepare() throws Exception {
		int events = this.settings.events();
		writeCatalog();
		Report.progress("preloading %,d raw events into %s (event times over %d min)", events, RAW_TOPIC,
				SPAN.toMinutes());
		long started = System.nanoTime();
		long end = System.currentTimeMillis();
		long start = end - SPAN.toMillis();
		SplittableRandom jitter = new SplittableRandom(3);
		RawEvents raw = new RawEvents(VIEWERS, "bench", 42);
		double rawBytes = 0;
		try (KafkaProducer<String, String> producer = producer(20, 262144)) {
			for (long n = 0; n < events; n++) {
				long onTimeLine = start + n * SPAN.toMillis() / events;
				RawEvents.Raw event = raw.event(n, onTimeLine - jitter.nextInt(JITTER_MILLIS),
						onTimeLine + jitter.nextInt(400));
				rawBytes += event.json().length();
				producer.send(new ProducerRecord<>(RAW_TOPIC, null, event.receivedAtMillis(), event.deviceId(),
						event.json()));
			}
			producer.flush();
		}
		double preloadSeconds = (System.nanoTime() - started) / 1e9;
		long onTopic;
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			onTopic = kafka.endOffset(RAW_TOPIC);
		}
		if (onTopic != events) {
			throw new IllegalStateException(RAW_TOPIC + " holds " + onTopic + " records, expected " + events);
		}
		Report.progress("%s holds %,d events (preloaded at %,.0f events/s)", RAW_TOPIC, onTopic,
				events / preloadSeconds);

		Properties state = new Properties();
		state.setProperty("events", String.valueOf(events));
		state.setProperty("eventBytes", String.valueOf(rawBytes / events));
		state.setProperty("preloadRate", String.valueOf(events / preloadSeconds));
		store(state, backlogFile(), "the backlog of the processing scenario");
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			for (String topic : List.of(FlinkPipeline.ENRICHED_TOPIC, FlinkPipeline.REJECTED_TOPIC,
					FlinkPipeline.COUNTS_TOPIC)) {
				kafka.create(topic, kafka.partitions(RAW_TOPIC).size());
			}
		}
		if (this.withFlink) {
			runFlinkJvm("viewers");
			runFlinkJvm("pipeline");
		}
	}

	/**
	 * Runs one Flink job in a JVM of its own on the module's plain class path (see
	 * bench/pom.xml; {@code BENCH_FLINK_CLASSPATH}, else bench/target), with this one's
	 * environment, so that each job's memory is its JVM's.
	 */
	private void runFlinkJvm(String job) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path target = this.settings.root().resolve("bench/target");
		String classPath = System.getenv()
			.getOrDefault("BENCH_FLINK_CLASSPATH",
					target.resolve("classes") + File.pathSeparator + target.resolve("lib") + File.separator + "*");
		// As Flink's own scripts do on Java 17: Kryo, which serialises the events'
		// properties maps, reaches into these packages.
		List<String> command = List.of(java.toString(), "-Xms1g", "-Xmx2g",
				"--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
				"--add-opens=java.base/java.time=ALL-UNNAMED", "-cp", classPath, Bench.class.getName(), "processing",
				"flink", job);
		Process process = new ProcessBuilder(command).inheritIO().start();
		try {
			if (process.waitFor() != 0) {
				throw new IllegalStateException("the Flink job failed (exit " + process.exitValue() + ")");
			}
		}
		finally {
			process.destroy();
		}
	}

	/** The lighter Flink job (distinct viewers only) over the backlog. */
	void flinkViewers() throws Exception {
		Properties backlog = load(backlogFile());
		long events = Long.parseLong(backlog.getProperty("events"));
		double load = loadAverage();
		Report.progress("Flink (viewers only): distinct sessions per title in 10 s and 1 m windows over %s, "
				+ "parallelism %d", RAW_TOPIC, FLINK_PARALLELISM);
		FlinkViewers.Result flink = new FlinkViewers(this.settings.kafka(), FLINK_PARALLELISM).run(RAW_TOPIC,
				"bench-flink");
		Report.progress("Flink (viewers only): %,d events, %,d window counts in %.1f s (%.1f s with the cluster start)",
				flink.events(), flink.windows(), flink.net().toMillis() / 1000.0, flink.wall().toMillis() / 1000.0);
		if (flink.events() != events) {
			throw new IllegalStateException("the Flink job read " + flink.events() + " events, expected " + events);
		}
		if (flink.counted() != 2 * flink.sessions()) {
			throw new IllegalStateException("the Flink windows counted " + flink.counted() + " sessions of "
					+ flink.sessions() + " (×2 window sizes)");
		}
		Properties state = new Properties();
		state.setProperty("flinkRate", String.valueOf(flink.eventsPerSecond()));
		state.setProperty("flinkNet", String.valueOf(flink.net().toMillis() / 1000.0));
		state.setProperty("flinkWall", String.valueOf(flink.wall().toMillis() / 1000.0));
		state.setProperty("flinkWindows", String.valueOf(flink.windows()));
		state.setProperty("flinkLoad", String.valueOf(load));
		state.setProperty("flinkPeakRss", String.valueOf(Memory.self().peakRss()));
		store(state, this.settings.state().resolve("processing-flink.properties"),
				"the lighter Flink job of the processing scenario");
	}

	/**
	 * The equal-work Flink job over the backlog, checkpointing every commit interval of
	 * processing-service and deduplicating with its retention, both read from its
	 * configuration.
	 */
	void flinkPipeline() throws Exception {
		Properties backlog = load(backlogFile());
		long events = Long.parseLong(backlog.getProperty("events"));
		ServiceSettings service = ServiceSettings.of(this.settings.root());
		double load = loadAverage();
		Report.progress(
				"Flink (equal work): cleanse, dedupe (retention %s), enrich, exactly-once sinks, viewer and "
						+ "scope windows over %s, parallelism %d, RocksDB, checkpoints every %d ms",
				service.dedupRetention(), RAW_TOPIC, FLINK_PARALLELISM, service.commitInterval().toMillis());
		FlinkPipeline.Result flink = new FlinkPipeline(this.settings.kafka(), FLINK_PARALLELISM,
				service.commitInterval(), service.dedupRetention(), this.settings.state().resolve("flink-pipeline"))
			.run(RAW_TOPIC, CATALOG_TOPIC, "bench-flink-pipeline");
		Report.progress(
				"Flink (equal work): %,d read, %,d enriched, %,d rejected, %,d duplicates, %,d viewer and %,d "
						+ "scope windows in %.1f s (%.1f s with the cluster start)",
				flink.read(), flink.enriched(), flink.rejected(), flink.duplicates(), flink.viewerWindows(),
				flink.scopeWindows(), flink.net().toMillis() / 1000.0, flink.wall().toMillis() / 1000.0);
		if (flink.read() != events) {
			throw new IllegalStateException("the Flink job read " + flink.read() + " events, expected " + events);
		}
		Properties state = new Properties();
		state.setProperty("pipelineRate", String.valueOf(flink.eventsPerSecond()));
		state.setProperty("pipelineNet", String.valueOf(flink.net().toMillis() / 1000.0));
		state.setProperty("pipelineWall", String.valueOf(flink.wall().toMillis() / 1000.0));
		state.setProperty("pipelineEnriched", String.valueOf(flink.enriched()));
		state.setProperty("pipelineRejected", String.valueOf(flink.rejected()));
		state.setProperty("pipelineDuplicates", String.valueOf(flink.duplicates()));
		state.setProperty("pipelineViewerWindows", String.valueOf(flink.viewerWindows()));
		state.setProperty("pipelineScopeWindows", String.valueOf(flink.scopeWindows()));
		state.setProperty("pipelineLate", String.valueOf(flink.late()));
		state.setProperty("pipelineLoad", String.valueOf(load));
		state.setProperty("pipelinePeakRss", String.valueOf(Memory.self().peakRss()));
		store(state, this.settings.state().resolve("processing-flink-pipeline.properties"),
				"the equal-work Flink job of the processing scenario");
	}

	private Path backlogFile() {
		return this.settings.state().resolve("processing-backlog.properties");
	}

	private static void store(Properties properties, Path file, String comment) throws IOException {
		Files.createDirectories(file.getParent());
		try (Writer out = Files.newBufferedWriter(file)) {
			properties.store(out, comment);
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(file)) {
			properties.load(in);
		}
		return properties;
	}

	void measure() throws Exception {
		Properties state = load(backlogFile());
		if (this.withFlink) {
			state.putAll(load(this.settings.state().resolve("processing-flink.properties")));
			state.putAll(load(this.settings.state().resolve("processing-flink-pipeline.properties")));
		}
		Memory service = Memory.of(System.getenv().getOrDefault("BENCH_PROCESSING_PID", "0"));
		long events = Long.parseLong(state.getProperty("events"));
		GroupProgress process = new GroupProgress(this.applicationId);
		long behind = -1;
		double loadBefore = loadAverage();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka()))) {
			Report.progress("waiting for processing-service to work through %,d events (group %s)", events,
					process.group);
			long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
			long nextLog = System.nanoTime();
			while (!process.done()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("processing-service did not finish the backlog within "
							+ DRAIN_TIMEOUT + ": " + process.committed + " of " + events);
				}
				// The internal window topic is written in transactions: a partition
				// may end with a commit marker a caught-up consumer need not pass.
				behind = observe(admin, process, 1);
				if (System.nanoTime() >= nextLog) {
					Report.progress("processing-service committed %,d of %,d raw events; %,d behind", process.committed,
							events, behind);
					nextLog += Duration.ofSeconds(5).toNanos();
				}
				Thread.sleep(200);
			}
		}
		double loadAfter = loadAverage();
		double serviceRss = service.rss();
		double servicePeakRss = service.peakRss();
		double backlogEnriched = metrics(STAGE).getOrDefault("enriched", Double.NaN);
		Comparison windows = this.withFlink ? compareWindows() : null;
		double keystoneRate = process.rate(events);
		Duration grace = ServiceSettings.of(this.settings.root()).grace();
		Steady half = steady(keystoneRate * 0.5, "half", grace);
		Steady most = steady(keystoneRate * 0.8, "most", grace);
		Map<String, Double> stages = metrics(STAGE);
		Map<String, Double> rejected = metrics(REJECTED);
		Map<String, Double> dropped = metrics(DROPPED);

		Report.figure("preloaded raw events", events, "events");
		Report.figure("raw event size (mean)", Double.parseDouble(state.getProperty("eventBytes")), "bytes");
		Report.figure("preload producer (acks=all, lz4)", Double.parseDouble(state.getProperty("preloadRate")),
				"events/s");
		String launched = System.getenv("BENCH_LAUNCHED_AT");
		if (launched != null) {
			long launchedAt = Long.parseLong(launched);
			Report.figure("processing-service launch to backlog processed",
					(process.doneAtMillis - launchedAt) / 1000.0, "s");
		}
		Report.figure("processing-service (from its first commit)", keystoneRate, "events/s");
		Report.figure("load average (1 min) when processing-service started", loadBefore, "");
		Report.figure("load average (1 min) when it finished the backlog", loadAfter, "");
		stages.forEach((stage, count) -> Report.figure("processing events_total stage=" + stage, count, "events"));
		rejected
			.forEach((reason, count) -> Report.figure("processing rejected_total reason=" + reason, count, "events"));
		Report.figure("kafka streams dropped records", dropped.values().stream().mapToDouble(Double::doubleValue).sum(),
				"records");
		reportSteady("50 %", half);
		reportSteady("80 %", most);
		Report.figure("processing-service RSS when it finished the backlog", serviceRss / 1e6, "MB");
		Report.figure("processing-service peak RSS", servicePeakRss / 1e6, "MB");
		Report.figure("processing-service enriched events (backlog)", backlogEnriched, "events");
		if (!this.withFlink) {
			Report.progress("BENCH_FLINK=off: no Flink job ran, so no comparison and no ratio");
			return;
		}
		double flinkRate = Double.parseDouble(state.getProperty("flinkRate"));
		Report.figure("lighter flink job (viewers only) run time", Double.parseDouble(state.getProperty("flinkNet")),
				"s");
		Report.figure("lighter flink job with the cluster start", Double.parseDouble(state.getProperty("flinkWall")),
				"s");
		Report.figure("lighter flink job peak RSS", Double.parseDouble(state.getProperty("flinkPeakRss")) / 1e6, "MB");
		Report.figure("load average (1 min) when the lighter flink job started",
				Double.parseDouble(state.getProperty("flinkLoad")), "");
		Report.figure("flink (viewers only, for reference)", flinkRate, "events/s");
		Report.figure("equal-work flink job run time", Double.parseDouble(state.getProperty("pipelineNet")), "s");
		Report.figure("equal-work flink job with the cluster start",
				Double.parseDouble(state.getProperty("pipelineWall")), "s");
		Report.figure("equal-work flink job peak RSS", Double.parseDouble(state.getProperty("pipelinePeakRss")) / 1e6,
				"MB");
		Report.figure("load average (1 min) when the equal-work flink job started",
				Double.parseDouble(state.getProperty("pipelineLoad")), "");
		double pipelineEnriched = Double.parseDouble(state.getProperty("pipelineEnriched"));
		Report.figure("equal-work flink enriched events", pipelineEnriched, "events");
		Report.figure("equal-work flink rejected / duplicate events",
				Double.parseDouble(state.getProperty("pipelineRejected"))
						+ Double.parseDouble(state.getProperty("pipelineDuplicates")),
				"events");
		Report.figure("equal-work flink late window contributions",
				Double.parseDouble(state.getProperty("pipelineLate")), "contributions");
		Report.figure("equal-work flink scope aggregates (1 m)",
				Double.parseDouble(state.getProperty("pipelineScopeWindows")), "windows");
		Report.figure("viewer window counts: flink (equal work)", windows.flink(), "windows");
		Report.figure("viewer window counts: processing-service", windows.service(), "windows");
		Report.figure("viewer window counts that differ or are missing", windows.differing(), "windows");
		if (windows.differing() > 0 || pipelineEnriched != backlogEnriched) {
			Report.progress("WARNING: the equal-work Flink job and processing-service disagree: %s", windows.example());
		}
		double pipelineRate = Double.parseDouble(state.getProperty("pipelineRate"));
		Report.figure("flink (equal work)", pipelineRate, "events/s");
		if (rejected.values().stream().anyMatch((count) -> count > 0)) {
			Report.progress("WARNING: processing-service rejected events that should all pass");
		}
		Report.ratio("processing-service events/s ÷ flink (viewers only) events/s", keystoneRate / flinkRate);
		Report.ratio("processing-service events/s ÷ flink (equal work) events/s", keystoneRate / pipelineRate);
	}

	/**
	 * @param flink viewer windows the equal-work job wrote
	 * @param service viewer windows processing-service wrote over the backlog
	 * @param differing windows of either missing in the other or with other counts
	 * @param example one such window, for the log
	 */
	private record Comparison(long flink, long service, long differing, String example) {

	}

	/**
	 * Both jobs' viewer windows over the backlog, read committed, once processing-service
	 * has emitted as many as the Flink job did (or a minute has passed): the windows each
	 * wrote, and how many are not the same (viewers and events) in both.
	 */
	private Comparison compareWindows() throws Exception {
		Map<String, String> flink = windows(FlinkPipeline.COUNTS_TOPIC);
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		Map<String, String> service = windows(COUNTS_TOPIC);
		while (service.size() < flink.size() && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			service = windows(COUNTS_TOPIC);
		}
		long differing = 0;
		String example = "none";
		java.util.Set<String> keys = new java.util.TreeSet<>(flink.keySet());
		keys.addAll(service.keySet());
		for (String key : keys) {
			String ours = service.get(key);
			String theirs = flink.get(key);
			if (ours == null || !ours.equals(theirs)) {
				differing++;
				example = key + " processing-service " + ours + ", flink " + theirs;
			}
		}
		return new Comparison(flink.size(), service.size(), differing, example);
	}

	/** Viewer windows on a topic: (titleId window start) to (viewers events). */
	private Map<String, String> windows(String topic) throws Exception {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka());
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		ObjectMapper mapper = new ObjectMapper();
		Map<String, String> windows = new java.util.HashMap<>();
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka());
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
						new StringDeserializer())) {
			List<TopicPartition> partitions = kafka.partitions(topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					JsonNode count = json(mapper, record.value());
					if (count != null) {
						windows.put(
								count.path("titleId").asText() + " " + count.path("window").asText() + " "
										+ count.path("start").asText(),
								count.path("viewers").asLong() + " viewers " + count.path("events").asLong()
										+ " events");
					}
				}
			}
		}
		return windows;
	}

	private void writeCatalog() {
		try (KafkaProducer<String, String> producer = producer(5, 16384)) {
			for (int t = 0; t < RawEvents.TITLES; t++) {
				String json = "{\"titleId\":\"" + RawEvents.titleId(t) + "\",\"name\":\"Title " + t
						+ "\",\"genres\":[\"drama\"],\"durationMs\":5400000,\"releaseYear\":2024}";
				producer.send(new ProducerRecord<>(CATALOG_TOPIC, RawEvents.titleId(t), json));
			}
			producer.flush();
		}
	}

	private KafkaProducer<String, String> producer(int lingerMs, int batchSize) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, lingerMs,
				ProducerConfig.BATCH_SIZE_CONFIG, batchSize, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	/**
	 * Latencies of events sent at a constant rate once the backlog is done, each measured
	 * from the time it was due to be sent: a sender that falls behind adds its delay to
	 * the latencies instead of hiding it (no coordinated omission).
	 */
	private static final class Steady {

		final double offered;

		final LatencyRecorder processed = new LatencyRecorder();

		final LatencyRecorder visible = new LatencyRecorder();

		/** receivedAt until the event's 10 s {@code _all} window count is readable. */
		final LatencyRecorder window = new LatencyRecorder();

		/** Per window: its end plus the grace until its count is readable. */
		final LatencyRecorder windowBeyondGrace = new LatencyRecorder();

		long sent;

		double sentRate;

		Steady(double offered) {
			this.offered = offered;
		}

	}

	/**
	 * @param rate events/s, a fraction of the rate measured on the backlog
	 * @param run prefix of the event ids of this load
	 * @param grace the service's window grace
	 */
	private Steady steady(double rate, String run, Duration grace) throws InterruptedException, ExecutionException {
		Steady steady = new Steady(rate);
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka());
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
		AtomicBoolean sending = new AtomicBoolean(true);
		AtomicLong sent = new AtomicLong();
		ObjectMapper mapper = new ObjectMapper();
		Duration duration = this.settings.duration();
		Duration warmup = this.settings.warmup();
		int capacity = (int) (rate * duration.toSeconds()) + 1000;
		long[] receivedAts = new long[capacity];
		long[] windowEnds = new long[capacity];
		Map<Long, Long> windowReadAt = new java.util.concurrent.ConcurrentHashMap<>();
		long phaseStart = System.currentTimeMillis() + warmup.toMillis();
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka());
				KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
						new StringDeserializer())) {
			List<TopicPartition> partitions = new java.util.ArrayList<>(kafka.partitions(ENRICHED_TOPIC));
			partitions.addAll(kafka.partitions(COUNTS_TOPIC));
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			Report.progress(
					"steady load: %,.0f events/s for %d s (the first %d s not measured) into %s, reading %s and %s",
					rate, warmup.plus(duration).toSeconds(), warmup.toSeconds(), RAW_TOPIC, ENRICHED_TOPIC,
					COUNTS_TOPIC);
			Thread producer = new Thread(() -> {
				// The same viewers before and during the measured part; the warm-up's
				// event
				// ids do not start with the run's prefix, so they are not measured.
				RawEvents warming = new RawEvents(VIEWERS, run + "w", 7);
				RawEvents raw = new RawEvents(VIEWERS, run, 7);
				SplittableRandom random = new SplittableRandom(5);
				long tick = TimeUnit.MILLISECONDS.toNanos(10);
				long start = System.nanoTime();
				long startMillis = System.currentTimeMillis();
				long warmTicks = warmup.toMillis() / 10;
				long ticks = warmTicks + duration.toMillis() / 10;
				long warmed = 0;
				try (KafkaProducer<String, String> out = producer(5, 131072)) {
					for (long t = 0; t < ticks; t++) {
						long due = start + t * tick;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						long dueMillis = startMillis + t * 10;
						long inTick = (long) (rate * (t + 1) / 100) - (long) (rate * t / 100);
						boolean measured = t >= warmTicks;
						for (long i = 0; i < inTick && sent.get() < capacity; i++) {
							long eventTime = dueMillis - 50 - random.nextInt(350);
							RawEvents.Raw event = measured ? raw.event(sent.get(), eventTime, dueMillis)
									: warming.event(warmed++, eventTime, dueMillis);
							out.send(new ProducerRecord<>(RAW_TOPIC, null, dueMillis, event.deviceId(), event.json()));
							if (measured) {
								int n = (int) sent.getAndIncrement();
								receivedAts[n] = dueMillis;
								windowEnds[n] = Math.floorDiv(eventTime, 10_000) * 10_000 + 10_000;
							}
						}
					}
					out.flush();
				}
				steady.sentRate = sent.get() / ((System.nanoTime() - (start + warmTicks * tick)) / 1e9);
				sending.set(false);
			}, "steady-producer");
			producer.start();
			long readDeadline = Long.MAX_VALUE;
			String prefix = run + "-";
			while (System.nanoTime() < readDeadline) {
				if (!sending.get() && readDeadline == Long.MAX_VALUE) {
					readDeadline = System.nanoTime() + grace.plusSeconds(45).toNanos();
				}
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
					long readAt = System.currentTimeMillis();
					JsonNode value = json(mapper, record.value());
					if (value == null) {
						continue;
					}
					if (record.topic().equals(COUNTS_TOPIC)) {
						if (value.path("titleId").asText().equals(FlinkPipeline.ALL_TITLES)
								&& value.path("window").asText().equals("10s")) {
							long end = Instant.parse(value.path("end").asText()).toEpochMilli();
							if (end > phaseStart) {
								windowReadAt.putIfAbsent(end, readAt);
							}
						}
						continue;
					}
					JsonNode eventId = value.get("eventId");
					if (eventId == null || !eventId.asText().startsWith(prefix)) {
						continue;
					}
					Instant receivedAt = Instant.parse(value.get("receivedAt").asText());
					Instant processedAt = Instant.parse(value.get("processedAt").asText());
					steady.processed.record(Duration.between(receivedAt, processedAt).toNanos());
					steady.visible.record(TimeUnit.MILLISECONDS.toNanos(readAt - receivedAt.toEpochMilli()));
				}
				if (!sending.get() && steady.processed.count() >= sent.get() && sent.get() > 0
						&& windowReadAt.containsKey(windowEnds[(int) sent.get() - 1])) {
					break;
				}
			}
			producer.join();
		}
		steady.sent = sent.get();
		for (int n = 0; n < steady.sent; n++) {
			Long readAt = windowReadAt.get(windowEnds[n]);
			if (readAt != null) {
				steady.window.record(TimeUnit.MILLISECONDS.toNanos(readAt - receivedAts[n]));
			}
		}
		windowReadAt.forEach((end, readAt) -> steady.windowBeyondGrace
			.record(TimeUnit.MILLISECONDS.toNanos(readAt - end - grace.toMillis())));
		return steady;
	}

	private void reportSteady(String name, Steady steady) {
		Report.figure(name + " load offered", steady.offered, "events/s");
		Report.figure(name + " load sent", steady.sentRate, "events/s");
		Report.figure(name + " events read back from events.enriched", steady.processed.count(), "events");
		Report.latencies(name + " processedAt − receivedAt", steady.processed);
		Report.latencies(name + " receivedAt → readable on events.enriched (read_committed)", steady.visible);
		Report.latencies(name + " receivedAt → its 10 s window count readable", steady.window);
		Report.latencies(name + " window end + grace → its count readable", steady.windowBeyondGrace);
		if (steady.processed.count() < steady.sent) {
			Report.progress("WARNING: %,d of %,d %s events did not come back on %s",
					steady.sent - steady.processed.count(), steady.sent, name, ENRICHED_TOPIC);
		}
	}

	private static JsonNode json(ObjectMapper mapper, String value) {
		try {
			return mapper.readTree(value);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Counters of processing-service's Prometheus endpoint, by their one label. */
	private Map<String, Double> metrics(Pattern pattern) {
		String url = System.getenv().getOrDefault("BENCH_PROCESSING_URL", "http://127.0.0.1:28082");
		try (HttpConnection http = new HttpConnection(java.net.URI.create(url))) {
			HttpConnection.Response response = http.get("/actuator/prometheus", Map.of());
			return new String(response.body(), StandardCharsets.UTF_8).lines()
				.map(pattern::matcher)
				.filter(Matcher::matches)
				.collect(Collectors.toMap((m) -> m.group(1), (m) -> Double.parseDouble(m.group(2)), Double::sum,
						java.util.TreeMap::new));
		}
		catch (IOException ex) {
			Report.progress("could not read processing-service's metrics: %s", ex.getMessage());
			return Map.of();
		}
	}

	private static double loadAverage() {
		try {
			return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * Records what a Kafka Streams application has committed on the raw topic. It is done
	 * once no partition it has committed on, internal topics included, is more than
	 * {@code slack} behind.
	 * @return records behind, or -1 before its first commit
	 */
	private static long observe(Admin admin, GroupProgress group, long slack)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> offsets = committedOffsets(admin, group.group);
		if (offsets.isEmpty()) {
			return -1;
		}
		long committed = offsets.entrySet()
			.stream()
			.filter((e) -> e.getKey().topic().equals(RAW_TOPIC))
			.mapToLong((e) -> e.getValue().offset())
			.sum();
		long lag = lag(admin, offsets, slack);
		group.record(committed, lag == 0);
		return lag;
	}

	private static Map<TopicPartition, OffsetAndMetadata> committedOffsets(Admin admin, String group)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
			.partitionsToOffsetAndMetadata()
			.get();
		return offsets.entrySet()
			.stream()
			.filter((e) -> e.getValue() != null)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * Records behind the end offsets, partitions within {@code slack} counting as 0.
	 */
	private static long lag(Admin admin, Map<TopicPartition, OffsetAndMetadata> offsets, long slack)
			throws InterruptedException, ExecutionException {
		Map<TopicPartition, Long> ends = admin.listOffsets(
				offsets.keySet().stream().collect(Collectors.toMap(Function.identity(), (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (e) -> e.getValue().offset()));
		long lag = 0;
		for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
			long behind = ends.get(entry.getKey()) - entry.getValue().offset();
			lag += (behind > slack) ? behind : 0;
		}
		return lag;
	}

}
