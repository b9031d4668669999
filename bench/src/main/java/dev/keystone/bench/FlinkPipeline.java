package dev.keystone.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.keystone.events.EnrichedEvent;
import dev.keystone.events.Event;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventType;
import dev.keystone.events.EventValidator;
import dev.keystone.events.Rejection;
import dev.keystone.events.Title;
import dev.keystone.events.ValidationResult;
import dev.keystone.events.ViewerCount;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The equal-work baseline of the processing scenario: what processing-service does to
 * {@code events.raw}, written as an Apache Flink job the way a Flink user would, in a
 * local MiniCluster with the RocksDB state backend and exactly-once checkpoints every
 * commit interval of the service.
 * <ol>
 * <li>cleanse: each raw record parsed and checked with the {@code events} module's
 * {@link EventValidator} and the service's time rules ({@code future}, {@code too_old});
 * rejections to {@code flink.events.rejected};</li>
 * <li>keyed by {@code eventId}: the first copy passes, later ones within the retention
 * are dropped (keyed state with a time to live);</li>
 * <li>enriched from {@code catalog.titles} held in broadcast state, plus
 * {@code deviceClass}, to {@code flink.events.enriched};</li>
 * <li>distinct sessions per title and {@code _all} in 10 s and 1 m event-time windows, to
 * {@code flink.viewers.counts}; per {@code title:}, {@code country:} and
 * {@code deviceClass:} scope the one-minute anomaly aggregates (sessions, events,
 * sessions with an error, sessions that buffered, crashes).</li>
 * </ol>
 * Both Kafka sinks are exactly-once (transactions committed on checkpoints), like the
 * service's output. Windows close on watermarks taken per partition from the record time
 * ({@code receivedAt}) with the service's grace as bounded out-of-orderness, and are kept
 * as one keyed state per key and window: a map of the sessions seen and the counters, as
 * Flink SQL keeps a distinct aggregate in RocksDB.
 */
final class FlinkPipeline {

	static final String ENRICHED_TOPIC = "flink.events.enriched";

	static final String REJECTED_TOPIC = "flink.events.rejected";

	static final String COUNTS_TOPIC = "flink.viewers.counts";

	static final String ALL_TITLES = ViewerCount.ALL_TITLES;

	private static final Duration GRACE = Duration.ofSeconds(10);

	private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

	private static final Duration MAX_AGE = Duration.ofDays(7);

	private static final long TEN_SECONDS = 10_000;

	private static final long MINUTE = 60_000;

	/** Marks of a window contribution: what the event adds besides its session. */
	static final int EVENT = 1;

	static final int ERROR = 2;

	static final int BUFFERING = 4;

	static final int CRASH = 8;

	private static final OutputTag<Tuple2<String, String>> REJECTIONS = new OutputTag<>("rejections",
			Types.TUPLE(Types.STRING, Types.STRING));

	private static final OutputTag<Tuple4<String, Long, String, Integer>> CONTRIBUTIONS = new OutputTag<>(
			"contributions", Types.TUPLE(Types.STRING, Types.LONG, Types.STRING, Types.INT));

	private static final OutputTag<Tuple2<String, long[]>> SCOPE_WINDOWS = new OutputTag<>("scope-windows",
			Types.TUPLE(Types.STRING, PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));

	private static final MapStateDescriptor<String, String> CATALOG = new MapStateDescriptor<>("catalog", Types.STRING,
			Types.STRING);

	private final String bootstrap;

	private final int parallelism;

	private final Duration checkpointInterval;

	private final Duration dedupRetention;

	private final Path stateDir;

	FlinkPipeline(String bootstrap, int parallelism, Duration checkpointInterval, Duration dedupRetention,
			Path stateDir) {
		this.bootstrap = bootstrap;
		this.parallelism = parallelism;
		this.checkpointInterval = checkpointInterval;
		this.dedupRetention = dedupRetention;
		this.stateDir = stateDir;
	}

	/**
	 * @param read raw records read
	 * @param rejected rejections written
	 * @param duplicates copies dropped by the dedupe
	 * @param enriched enriched events written
	 * @param viewerWindows viewer counts written (10 s and 1 m)
	 * @param scopeWindows one-minute scope aggregates computed
	 * @param late window contributions that came after their window closed
	 * @param wall from building the job to its end, cluster start included
	 * @param net the job's own run time as Flink reports it
	 */
	record Result(long read, long rejected, long duplicates, long enriched, long viewerWindows, long scopeWindows,
			long late, Duration wall, Duration net) {

		double eventsPerSecond() {
			return this.read / (this.net.toNanos() / 1e9);
		}

	}

	Result run(String rawTopic, String catalogTopic, String group) throws Exception {
		long started = System.nanoTime();
		// A failure ends the run instead of restarting the job from its last checkpoint
		// for ever.
		Configuration config = new Configuration();
		config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
		env.setParallelism(this.parallelism);
		env.setStateBackend(new EmbeddedRocksDBStateBackend(true));
		env.enableCheckpointing(this.checkpointInterval.toMillis());
		env.getCheckpointConfig().setCheckpointStorage(this.stateDir.resolve("checkpoints").toUri().toString());

		KafkaSource<Tuple2<String, Long>> raw = KafkaSource.<Tuple2<String, Long>>builder()
			.setBootstrapServers(this.bootstrap)
			.setTopics(rawTopic)
			.setGroupId(group)
			.setStartingOffsets(OffsetsInitializer.earliest())
			.setBounded(OffsetsInitializer.latest())
			.setDeserializer(new ValueAndTime())
			.build();
		KafkaSource<Tuple2<String, String>> catalog = KafkaSource.<Tuple2<String, String>>builder()
			.setBootstrapServers(this.bootstrap)
			.setTopics(catalogTopic)
			.setGroupId(group + "-catalog")
			.setStartingOffsets(OffsetsInitializer.earliest())
			.setBounded(OffsetsInitializer.latest())
			.setDeserializer(new KeyAndValue())
			.build();

		// Watermarks per partition from the record time (receivedAt), held back by the
		// grace: the service's clock, which follows receivedAt as well.
		SingleOutputStreamOperator<Event> cleansed = env
			.fromSource(raw,
					WatermarkStrategy.<Tuple2<String, Long>>forBoundedOutOfOrderness(GRACE)
						.withTimestampAssigner((record, timestamp) -> record.f1),
					rawTopic)
			.process(new Cleanse())
			.name("cleanse");
		BroadcastStream<Tuple2<String, String>> titles = env
			.fromSource(catalog, WatermarkStrategy.noWatermarks(), catalogTopic)
			.setParallelism(1)
			.broadcast(CATALOG);
		SingleOutputStreamOperator<Tuple2<String, String>> enriched = cleansed
			.keyBy(FlinkPipeline::dedupeKey, Types.STRING)
			.connect(titles)
			.process(new DedupeAndEnrich(this.dedupRetention))
			.name("dedupe-enrich");
		enriched.sinkTo(sink(ENRICHED_TOPIC, "enriched")).name("events.enriched");
		cleansed.getSideOutput(REJECTIONS)
			.union(enriched.getSideOutput(REJECTIONS))
			.sinkTo(sink(REJECTED_TOPIC, "rejected"))
			.name("events.rejected");

		SingleOutputStreamOperator<Tuple2<String, String>> counts = enriched.getSideOutput(CONTRIBUTIONS)
			.keyBy((contribution) -> contribution.f0, Types.STRING)
			.process(new DistinctWindows())
			.name("windows");
		counts.sinkTo(sink(COUNTS_TOPIC, "counts")).name("viewers.counts");
		counts.getSideOutput(SCOPE_WINDOWS).sinkTo(new DiscardingSink<>()).name("scope-aggregates");

		JobExecutionResult result = env.execute("bench-flink-pipeline");
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		return new Result(counter(result, "read"), counter(result, "rejected"), counter(result, "duplicates"),
				counter(result, "enriched"), counter(result, "viewerWindows"), counter(result, "scopeWindows"),
				counter(result, "late"), wall, Duration.ofMillis(result.getNetRuntime()));
	}

	private static long counter(JobExecutionResult result, String name) {
		Long value = result.getAccumulatorResult(name);
		return (value != null) ? value : 0;
	}

	/** One event id belongs to one device; events without an id are never duplicates. */
	private static String dedupeKey(Event event) {
		return (event.eventId() != null) ? event.eventId() : "\u0000" + event.deviceId();
	}

	private KafkaSink<Tuple2<String, String>> sink(String topic, String name) {
		return KafkaSink.<Tuple2<String, String>>builder()
			.setBootstrapServers(this.bootstrap)
			.setRecordSerializer(new KeyedJson(topic))
			.setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
			.setTransactionalIdPrefix("bench-flink-" + name + "-" + System.currentTimeMillis())
			.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "600000")
			.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5")
			.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
			.build();
	}

	/** A record's value and timestamp. */
	static final class ValueAndTime implements KafkaRecordDeserializationSchema<Tuple2<String, Long>> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<String, Long>> out) {
			String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
			out.collect(Tuple2.of(value, record.timestamp()));
		}

		@Override
		public TypeInformation<Tuple2<String, Long>> getProducedType() {
			return Types.TUPLE(Types.STRING, Types.LONG);
		}

	}

	/** A catalog record as (titleId, json); an empty json for a tombstone. */
	static final class KeyAndValue implements KafkaRecordDeserializationSchema<Tuple2<String, String>> {

		@Override
		public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<String, String>> out) {
			if (record.key() == null) {
				return;
			}
			String value = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : "";
			out.collect(Tuple2.of(new String(record.key(), StandardCharsets.UTF_8), value));
		}

		@Override
		public TypeInformation<Tuple2<String, String>> getProducedType() {
			return Types.TUPLE(Types.STRING, Types.STRING);
		}

	}

	/** Record (key, value) pairs as JSON values with String keys. */
	static final class KeyedJson implements KafkaRecordSerializationSchema<Tuple2<String, String>> {

		private final String topic;

		KeyedJson(String topic) {
			this.topic = topic;
		}

		@Override
		public ProducerRecord<byte[], byte[]> serialize(Tuple2<String, String> element, KafkaSinkContext context,
				Long timestamp) {
			byte[] key = (element.f0 != null) ? element.f0.getBytes(StandardCharsets.UTF_8) : null;
			return new ProducerRecord<>(this.topic, null, timestamp, key, element.f1.getBytes(StandardCharsets.UTF_8));
		}

	}

	/**
	 * The service's cleansing rules in their order: {@code invalid} (the events module's
	 * validator), {@code future}, {@code too_old}.
	 */
	static final class Cleanse extends ProcessFunction<Tuple2<String, Long>, Event> {

		private final LongCounter read = new LongCounter();

		private final LongCounter rejected = new LongCounter();

		private transient ObjectMapper mapper;

		private transient EventValidator validator;

		@Override
		public void open(OpenContext context) {
			this.mapper = EventJson.newMapper();
			this.validator = EventValidator.forPipeline(this.mapper);
			getRuntimeContext().addAccumulator("read", this.read);
			getRuntimeContext().addAccumulator("rejected", this.rejected);
		}

		@Override
		public void processElement(Tuple2<String, Long> record, Context context, Collector<Event> out) {
			this.read.add(1);
			if (record.f0 == null) {
				reject(context, "invalid", "the record has no value", TextNode.valueOf(""));
				return;
			}
			JsonNode node;
			try {
				node = this.mapper.readTree(record.f0);
			}
			catch (JsonProcessingException ex) {
				reject(context, "invalid", "not JSON: " + ex.getOriginalMessage(), TextNode.valueOf(record.f0));
				return;
			}
			ValidationResult result = this.validator.validate(node);
			if (!result.isValid()) {
				reject(context, "invalid",
						result.problems()
							.stream()
							.map((problem) -> problem.field() + ": " + problem.message())
							.collect(Collectors.joining("; ")),
						node);
				return;
			}
			Event event = result.event();
			Instant receivedAt = (event.receivedAt() != null) ? event.receivedAt() : Instant.ofEpochMilli(record.f1);
			if (event.timestamp().isAfter(receivedAt.plus(MAX_CLOCK_SKEW))) {
				reject(context, "future", "timestamp " + event.timestamp() + " after receivedAt " + receivedAt, node);
				return;
			}
			if (event.timestamp().isBefore(receivedAt.minus(MAX_AGE))) {
				reject(context, "too_old", "timestamp " + event.timestamp() + " before receivedAt " + receivedAt, node);
				return;
			}
			out.collect(event.withIngest(event.eventId(), receivedAt, event.ingestId()));
		}

		private void reject(Context context, String reason, String detail, JsonNode original) {
			this.rejected.add(1);
			JsonNode eventId = original.get("eventId");
			String key = (eventId != null && eventId.isTextual()) ? eventId.textValue().trim() : null;
			Rejection rejection = new Rejection(reason, detail, "processing", Instant.now(), original);
			context.output(REJECTIONS, Tuple2.of(key, EventJson.write(this.mapper, rejection)));
		}

	}

	/**
	 * Keyed by event id: the first copy goes on, enriched with its title from the
	 * broadcast catalog and its device class, and counted into its windows.
	 */
	static final class DedupeAndEnrich
			extends KeyedBroadcastProcessFunction<String, Event, Tuple2<String, String>, Tuple2<String, String>> {

		private final Duration retention;

		private final LongCounter duplicates = new LongCounter();

		private final LongCounter enriched = new LongCounter();

		private transient ValueState<Boolean> seen;

		private transient ObjectMapper mapper;

		/** Catalog entries parsed once per distinct value, as the service does. */
		private transient Map<String, EnrichedEvent.TitleRef> parsed;

		DedupeAndEnrich(Duration retention) {
			this.retention = retention;
		}

		@Override
		public void open(OpenContext context) {
			ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("seen", Types.BOOLEAN);
			descriptor.enableTimeToLive(StateTtlConfig.newBuilder(this.retention)
				.setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
				.setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
				.build());
			this.seen = getRuntimeContext().getState(descriptor);
			this.mapper = EventJson.newMapper();
			this.parsed = new HashMap<>();
			getRuntimeContext().addAccumulator("duplicates", this.duplicates);
			getRuntimeContext().addAccumulator("enriched", this.enriched);
		}

		@Override
		public void processBroadcastElement(Tuple2<String, String> title, Context context,
				Collector<Tuple2<String, String>> out) throws Exception {
			if (title.f1.isEmpty()) {
				context.getBroadcastState(CATALOG).remove(title.f0);
			}
			else {
				context.getBroadcastState(CATALOG).put(title.f0, title.f1);
			}
		}

		@Override
		public void processElement(Event event, ReadOnlyContext context, Collector<Tuple2<String, String>> out)
				throws Exception {
			if (event.eventId() != null) {
				if (this.seen.value() != null) {
					this.duplicates.add(1);
					return;
				}
				this.seen.update(true);
			}
			String titleJson = (event.titleId() != null) ? context.getBroadcastState(CATALOG).get(event.titleId())
					: null;
			EnrichedEvent.TitleRef title = (titleJson != null) ? title(titleJson) : null;
			EnrichedEvent enrichedEvent = EnrichedEvent.of(event, title, Instant.now());
			out.collect(Tuple2.of(event.deviceId(), EventJson.write(this.mapper, enrichedEvent)));
			this.enriched.add(1);
			contribute(event, enrichedEvent.deviceClass().wireName(), context);
		}

		private EnrichedEvent.TitleRef title(String json) throws JsonProcessingException {
			EnrichedEvent.TitleRef title = this.parsed.get(json);
			if (title == null) {
				title = this.mapper.readValue(json, Title.class).ref();
				this.parsed.put(json, title);
			}
			return title;
		}

		/** What the service's viewer and scope contributors add for the event. */
		private void contribute(Event event, String deviceClass, ReadOnlyContext context) {
			long time = event.timestamp().toEpochMilli();
			boolean playback = event.type().isPlayback();
			String session = (playback && event.sessionId() != null) ? event.sessionId() : "";
			if (playback && event.titleId() != null && event.sessionId() != null) {
				for (long size : new long[] { TEN_SECONDS, MINUTE }) {
					long end = Math.floorDiv(time, size) * size + size;
					String label = (size == TEN_SECONDS) ? "10s" : "1m";
					context.output(CONTRIBUTIONS,
							Tuple4.of(label + "|" + end + "|" + event.titleId(), end, session, EVENT));
					context.output(CONTRIBUTIONS, Tuple4.of(label + "|" + end + "|" + ALL_TITLES, end, session, EVENT));
				}
			}
			int marks = EVENT | ((event.type() == EventType.PLAYBACK_ERROR) ? ERROR : 0)
					| ((event.type() == EventType.BUFFERING_START) ? BUFFERING : 0)
					| ((event.type() == EventType.CRASH) ? CRASH : 0);
			long end = Math.floorDiv(time, MINUTE) * MINUTE + MINUTE;
			String prefix = "scope|" + end + "|";
			if (event.titleId() != null) {
				context.output(CONTRIBUTIONS, Tuple4.of(prefix + "title:" + event.titleId(), end, session, marks));
			}
			if (event.country() != null) {
				context.output(CONTRIBUTIONS, Tuple4.of(prefix + "country:" + event.country(), end, session, marks));
			}
			context.output(CONTRIBUTIONS, Tuple4.of(prefix + "deviceClass:" + deviceClass, end, session, marks));
		}

	}

	/**
	 * One key per window and title or scope: the sessions seen as map state, the counters
	 * (sessions, events, sessions with an error, sessions that buffered, crashes) as
	 * value state; emitted and cleared when the watermark passes the window's end.
	 */
	static final class DistinctWindows
			extends KeyedProcessFunction<String, Tuple4<String, Long, String, Integer>, Tuple2<String, String>> {

		private final LongCounter viewerWindows = new LongCounter();

		private final LongCounter scopeWindows = new LongCounter();

		private final LongCounter late = new LongCounter();

		private transient MapState<String, Boolean> sessions;

		private transient ValueState<long[]> counts;

		private transient ObjectMapper mapper;

		@Override
		public void open(OpenContext context) {
			this.sessions = getRuntimeContext()
				.getMapState(new MapStateDescriptor<>("sessions", Types.STRING, Types.BOOLEAN));
			this.counts = getRuntimeContext()
				.getState(new ValueStateDescriptor<>("counts", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
			this.mapper = EventJson.newMapper();
			getRuntimeContext().addAccumulator("viewerWindows", this.viewerWindows);
			getRuntimeContext().addAccumulator("scopeWindows", this.scopeWindows);
			getRuntimeContext().addAccumulator("late", this.late);
		}

		@Override
		public void processElement(Tuple4<String, Long, String, Integer> contribution, Context context,
				Collector<Tuple2<String, String>> out) throws Exception {
			long end = contribution.f1;
			if (end - 1 <= context.timerService().currentWatermark()) {
				this.late.add(1);
				return;
			}
			long[] counters = this.counts.value();
			if (counters == null) {
				counters = new long[5];
				context.timerService().registerEventTimeTimer(end - 1);
			}
			int marks = contribution.f3;
			counters[1] += ((marks & EVENT) != 0) ? 1 : 0;
			counters[4] += ((marks & CRASH) != 0) ? 1 : 0;
			String session = contribution.f2;
			if (!session.isEmpty()) {
				counters[0] += distinct(session);
				if ((marks & ERROR) != 0) {
					counters[2] += distinct('\u0002' + session);
				}
				if ((marks & BUFFERING) != 0) {
					counters[3] += distinct('\u0003' + session);
				}
			}
			this.counts.update(counters);
		}

		private int distinct(String member) throws Exception {
			if (this.sessions.contains(member)) {
				return 0;
			}
			this.sessions.put(member, true);
			return 1;
		}

		@Override
		public void onTimer(long timestamp, OnTimerContext context, Collector<Tuple2<String, String>> out)
				throws Exception {
			long[] counters = this.counts.value();
			String[] parts = context.getCurrentKey().split("\\|", 3);
			long end = Long.parseLong(parts[1]);
			if (parts[0].equals("scope")) {
				this.scopeWindows.add(1);
				context.output(SCOPE_WINDOWS, Tuple2.of(parts[2], counters));
			}
			else {
				long size = parts[0].equals("10s") ? TEN_SECONDS : MINUTE;
				ViewerCount count = new ViewerCount(parts[2], parts[0], Instant.ofEpochMilli(end - size),
						Instant.ofEpochMilli(end), counters[0], counters[1]);
				this.viewerWindows.add(1);
				out.collect(Tuple2.of(parts[2], EventJson.write(this.mapper, count)));
			}
			this.sessions.clear();
			this.counts.clear();
		}

	}

}
