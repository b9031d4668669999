package dev.keystone.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.PartitionedFanoutWriter;
import org.apache.iceberg.io.WriteResult;
import org.apache.iceberg.types.Types;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The archive sink of routing-service draining a backlog of enriched events into its
 * Iceberg table on the bench stack's S3Proxy, against a plain Iceberg append of the same
 * records to the same store, written as Iceberg's generic-data API is meant to be used
 * (one consumer, records in, one partitioned fan-out writer, one append); then the sink's
 * freshness under a steady load at its shipped commit interval, and {@code bin/keystone
 * sql} on the archived events.
 *
 * <p>
 * Three phases, since routing-service runs for the middle one only: {@code prepare}
 * preloads the topic, {@code measure} follows the sink's consumer group and its freshness
 * histogram, and {@code baseline} (with the service stopped) runs the plain append, the
 * two queries, and reports.
 */
final class ArchiveScenario {

	private static final String TOPIC = "events.enriched";

	private static final String GROUP = "keystone-routing-archive";

	private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(20);

	private static final int PRELOAD_PART = 250_000;

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The README's two analyses, as a user runs them. */
	static final String VIEWERS_PER_DAY = "SELECT date(timestamp) AS day, title_name, "
			+ "count(DISTINCT coalesce(profile_id, device_id)) AS viewers FROM keystone.events "
			+ "WHERE title_id IS NOT NULL GROUP BY 1, 2 ORDER BY viewers DESC LIMIT 5";

	static final String ERROR_SHARE = "SELECT device_type, date_trunc('hour', timestamp) AS hour, "
			+ "count(DISTINCT session_id) AS sessions, round(count(DISTINCT CASE WHEN type = 'playback_error' "
			+ "THEN session_id END) / count(DISTINCT session_id), 3) AS error_share FROM keystone.events "
			+ "WHERE session_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2";

	private final BenchSettings settings;

	private final Map<String, String> env = System.getenv();

	ArchiveScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void prepare() throws Exception {
		Instant now = Instant.now();
		int total = this.settings.events();
		Report.progress("preloading %,d enriched events into %s", total, TOPIC);
		try (KafkaProducer<String, String> producer = producer()) {
			// In parts, so the generated events never all sit in the bench's heap.
			for (int sent = 0, part = 0; sent < total; part++) {
				int count = Math.min(PRELOAD_PART, total - sent);
				for (PipelineData.Enriched event : new PipelineData(1000, now).events(count, "archive-" + part + "-",
						now)) {
					producer.send(new ProducerRecord<>(TOPIC, event.deviceId(), event.json()));
				}
				sent += count;
			}
			producer.flush();
		}
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			Report.progress("%s holds %,d events", TOPIC, kafka.endOffset(TOPIC));
		}
	}

	void measure() throws Exception {
		Properties figures = new Properties();
		GroupProgress archive = new GroupProgress(GROUP);
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			long target = kafka.endOffset(TOPIC);
			Report.progress("waiting for routing-service to archive %,d events", target);
			long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
			long nextLog = System.nanoTime();
			// Commits the size bound made; the last one, of what was left, waits for the
			// commit interval.
			List<long[]> commits = new ArrayList<>();
			while (!archive.done()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the archive did not drain within " + DRAIN_TIMEOUT);
				}
				long committed = kafka.committed(GROUP, TOPIC);
				if (committed > 0 && (commits.isEmpty() || commits.get(commits.size() - 1)[0] != committed)) {
					commits.add(new long[] { committed, System.nanoTime() });
				}
				archive.record(committed, committed >= target);
				if (System.nanoTime() >= nextLog) {
					Report.progress("archived %,d of %,d", archive.committed, target);
					nextLog += Duration.ofSeconds(5).toNanos();
				}
				Thread.sleep(200);
			}
			figures.setProperty("events", String.valueOf(target));
			figures.setProperty("drainRate", String.valueOf(archive.rate(target)));
			if (commits.size() < 3) {
				throw new IllegalStateException("the backlog gave " + (commits.size() - 1)
						+ " commits by the size bound, too few for a rate: raise BENCH_EVENTS above three times "
						+ "keystone.routing.archive.max-buffered-records");
			}
			long[] first = commits.get(0);
			long[] lastFull = commits.get(Math.max(0, commits.size() - 2));
			figures.setProperty("sinkRate",
					String.valueOf((lastFull[0] - first[0]) / ((lastFull[1] - first[1]) / 1e9)));
		}
		figures.setProperty("freshnessP99", String.valueOf(freshnessUnderSteadyLoad()));
		store(figures);
	}

	/**
	 * Events at a steady rate with current timestamps, for long enough to span several
	 * commit intervals; the p99 of the sink's freshness histogram over that period only.
	 */
	private double freshnessUnderSteadyLoad() throws Exception {
		int rate = Integer.parseInt(this.env.getOrDefault("BENCH_RATE", "1000"));
		Duration duration = Duration.ofSeconds(Long.parseLong(this.env.getOrDefault("BENCH_DURATION", "150")));
		Map<Double, Double> before = freshnessBuckets();
		Report.progress("steady load: %,d events/s for %d s, at the shipped commit interval", rate,
				duration.toSeconds());
		Instant start = Instant.now();
		long sent = 0;
		try (KafkaProducer<String, String> producer = producer()) {
			long begin = System.nanoTime();
			while (System.nanoTime() - begin < duration.toNanos()) {
				long due = (System.nanoTime() - begin) * rate / 1_000_000_000L;
				for (; sent < due; sent++) {
					Instant now = Instant.now();
					String id = "steady-" + sent;
					String device = "device-" + (sent % 5000);
					String json = "{\"eventId\":\"" + id + "\",\"type\":\"heartbeat\",\"timestamp\":\"" + now
							+ "\",\"deviceId\":\"" + device + "\",\"deviceType\":\"tv\",\"sessionId\":\"s-" + device
							+ "\",\"titleId\":\"title-" + (sent % 100) + "\",\"receivedAt\":\"" + now
							+ "\",\"ingestId\":\"i\",\"title\":{\"name\":\"Title " + (sent % 100)
							+ "\",\"genres\":[\"drama\"]},\"deviceClass\":\"tv\",\"processedAt\":\"" + now + "\"}";
					producer.send(new ProducerRecord<>(TOPIC, device, json));
				}
				Thread.sleep(5);
			}
		}
		Duration interval = Duration.ofSeconds(65);
		Report.progress("sent %,d events since %s; waiting %d s for their last commit", sent, start,
				interval.toSeconds());
		Thread.sleep(interval.toMillis());
		Map<Double, Double> after = freshnessBuckets();
		Map<Double, Double> steady = PrometheusHistogram.difference(after, before);
		Report.progress("freshness histogram: %d buckets, %.0f events committed under the steady load", steady.size(),
				steady.getOrDefault(Double.POSITIVE_INFINITY, 0.0));
		return PrometheusHistogram.quantile(0.99, steady);
	}

	private Map<Double, Double> freshnessBuckets() throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(this.settings.routing().resolve("/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		return PrometheusHistogram.buckets(response.body(), "keystone_archive_freshness_seconds_bucket");
	}

	void baseline() throws Exception {
		Properties figures = load();
		long events = Long.parseLong(figures.getProperty("events"));
		Catalog catalog = ArchiveTable.catalog(this.env);
		Table archive = catalog.loadTable(TableIdentifier.of("keystone", "events"));
		TableIdentifier plainId = TableIdentifier.of("bench", "plain_" + UUID.randomUUID().toString().substring(0, 8));
		if (!((SupportsNamespaces) catalog).namespaceExists(Namespace.of("bench"))) {
			((SupportsNamespaces) catalog).createNamespace(Namespace.of("bench"));
		}
		Table plain = catalog.buildTable(plainId, archive.schema())
			.withPartitionSpec(archive.spec())
			.withProperties(archive.properties())
			.create();
		Report.progress("plain Iceberg append: reading the same %,d events from %s into %s", events, TOPIC, plainId);
		long started = System.nanoTime();
		long appended = plainAppend(plain, events);
		double plainRate = appended / ((System.nanoTime() - started) / 1e9);

		double viewersSeconds = sqlSeconds(VIEWERS_PER_DAY);
		double errorsSeconds = sqlSeconds(ERROR_SHARE);

		double sinkRate = Double.parseDouble(figures.getProperty("sinkRate"));
		Report.figure("events archived by routing-service (backlog)", events, "events");
		Report.figure("routing-service archive sink, first commit to the backlog's last one (which waits for the "
				+ "commit interval)", Double.parseDouble(figures.getProperty("drainRate")), "events/s");
		Report.figure("routing-service archive sink, first to last commit made by the size bound", sinkRate,
				"events/s");
		Report.figure("plain Iceberg append of the same events (one consumer, one writer, one commit)", plainRate,
				"events/s");
		Report.figure("archive freshness p99 at 1 commit per 60 s (events.enriched to committed)",
				Double.parseDouble(figures.getProperty("freshnessP99")), "s");
		Report.figure("bin/keystone sql, distinct viewers per title per day", viewersSeconds, "s");
		Report.figure("bin/keystone sql, share of sessions with an error by device type and hour", errorsSeconds, "s");
		Report.ratio("archive sink events/s ÷ plain Iceberg append", sinkRate / plainRate);
	}

	/**
	 * What a user of Iceberg's generic data API writes to append a topic to a table: each
	 * JSON event into a record by the table's schema, a partitioned fan-out writer, one
	 * commit at the end.
	 */
	private long plainAppend(Table table, long events) throws IOException {
		Schema schema = table.schema();
		GenericAppenderFactory appenders = new GenericAppenderFactory(schema, table.spec());
		// Its Parquet codec (zstd) and the other write properties of the table.
		appenders.setAll(table.properties());
		OutputFileFactory files = OutputFileFactory.builderFor(table, 1, 1).format(FileFormat.PARQUET).build();
		PartitionKey key = new PartitionKey(table.spec(), schema);
		InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
		PartitionedFanoutWriter<Record> writer = new PartitionedFanoutWriter<>(table.spec(), FileFormat.PARQUET,
				appenders, files, table.io(), 128L << 20) {
			@Override
			protected PartitionKey partition(Record row) {
				key.partition(wrapper.wrap(row));
				return key;
			}
		};
		Map<String, Object> config = new HashMap<>();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-append-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		long read = 0;
		GenericRecord template = GenericRecord.create(schema);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			while (read < events) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (read < events) {
						writer.write(row(template, JSON.readTree(record.value()), schema));
					}
					read++;
				}
			}
		}
		WriteResult result = writer.complete();
		AppendFiles append = table.newAppend();
		for (var file : result.dataFiles()) {
			append.appendFile(file);
		}
		append.commit();
		return Math.min(read, events);
	}

	/**
	 * A record by the schema: each column from the event field of the same name in
	 * camelCase.
	 */
	private static Record row(GenericRecord template, JsonNode event, Schema schema) {
		Record row = template.copy();
		for (Types.NestedField field : schema.columns()) {
			String name = field.name();
			JsonNode value = name.startsWith("title_") ? event.path("title").get(name.substring(6))
					: event.get(camel(name));
			if (value == null || value.isNull()) {
				if (field.isRequired()) {
					row.setField(name, false);
				}
				continue;
			}
			row.setField(name, switch (field.type().typeId()) {
				case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.parse(value.asText()), ZoneOffset.UTC);
				case LONG -> value.asLong();
				case BOOLEAN -> value.asBoolean();
				case LIST -> {
					List<String> items = new ArrayList<>();
					value.forEach((item) -> items.add(item.asText()));
					yield items;
				}
				default -> value.isValueNode() ? value.asText() : value.toString();
			});
		}
		return row;
	}

	private static String camel(String snake) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : snake.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	private double sqlSeconds(String query) throws Exception {
		Path output = Files.createTempFile("keystone-sql", ".csv");
		ProcessBuilder builder = new ProcessBuilder(this.settings.root().resolve("bin/keystone").toString(), "sql",
				query)
			.redirectOutput(output.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT);
		long started = System.nanoTime();
		Process process = builder.start();
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("bin/keystone sql failed for: " + query);
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
		Report.progress("bin/keystone sql answered %d lines in %.1f s, first: %s", lines.size() - 1, seconds,
				lines.size() > 1 ? lines.get(1) : "(none)");
		return seconds;
	}

	private KafkaProducer<String, String> producer() {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.settings.kafka(),
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
				ProducerConfig.BATCH_SIZE_CONFIG, 262144, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
		return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
	}

	private Path stateFile() {
		return this.settings.state().resolve("archive.properties");
	}

	private void store(Properties figures) throws IOException {
		Files.createDirectories(this.settings.state());
		try (Writer out = Files.newBufferedWriter(stateFile())) {
			figures.store(out, "the archive scenario's measured phase");
		}
	}

	private Properties load() throws IOException {
		Properties figures = new Properties();
		try (Reader in = Files.newBufferedReader(stateFile())) {
			figures.load(in);
		}
		return figures;
	}

}
