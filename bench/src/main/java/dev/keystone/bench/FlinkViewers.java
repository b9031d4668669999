package dev.keystone.bench;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventType;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * The baseline of the processing scenario: the viewer windows of processing-service's
 * {@code viewers} function as a plain Apache Flink job in a local MiniCluster inside this
 * JVM. It reads a topic from the earliest to the latest offset at its start (a bounded
 * source, so the job ends), keeps playback events, keys their sessions by title and by
 * {@code _all} as the service does, and counts distinct sessions in tumbling 10 s and 1 m
 * event-time windows (watermarks with 10 s bounded out-of-orderness, an exact HashSet per
 * window). The counts go to a discarding sink; accumulators tell how many events, windows
 * and counted events there were.
 *
 * <p>
 * What the job does not do, and processing-service does: validate, deduplicate and enrich
 * each event, write it back to Kafka, detect anomalies, checkpoint its state or commit
 * exactly once.
 */
final class FlinkViewers {

	static final String ALL_TITLES = "_all";

	private final String bootstrap;

	private final int parallelism;

	FlinkViewers(String bootstrap, int parallelism) {
		this.bootstrap = bootstrap;
		this.parallelism = parallelism;
	}

	/**
	 * @param events records read from the topic
	 * @param sessions (title, session) pairs put into windows: two per playback event
	 * @param windows window counts emitted
	 * @param counted sum of the events over the emitted windows (each pair once per
	 * window size)
	 * @param wall from building the job to its end, cluster start included
	 * @param net the job's own run time as Flink reports it
	 */
	record Result(long events, long sessions, long windows, long counted, Duration wall, Duration net) {

		double eventsPerSecond() {
			return this.events / (this.net.toNanos() / 1e9);
		}

	}

	Result run(String topic, String group) throws Exception {
		long started = System.nanoTime();
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
		env.setParallelism(this.parallelism);
		KafkaSource<Tuple3<String, String, Long>> source = KafkaSource.<Tuple3<String, String, Long>>builder()
			.setBootstrapServers(this.bootstrap)
			.setTopics(topic)
			.setGroupId(group)
			.setStartingOffsets(OffsetsInitializer.earliest())
			.setBounded(OffsetsInitializer.latest())
			.setValueOnlyDeserializer(new RawEvent())
			.build();
		// Watermarks at the source: one per partition, the job's the lowest of them, so a
		// partition read ahead of the others does not make their events late.
		KeyedStream<Tuple3<String, String, Long>, String> byTitle = env
			.fromSource(source,
					WatermarkStrategy.<Tuple3<String, String, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(10))
						.withTimestampAssigner((event, recordTimestamp) -> event.f2),
					topic)
			.flatMap(new PlaybackSessions())
			.name("playback-sessions")
			.keyBy((session) -> session.f0);
		DataStream<Tuple4<String, String, Long, Long>> tenSeconds = count(byTitle, "10s", Duration.ofSeconds(10));
		DataStream<Tuple4<String, String, Long, Long>> oneMinute = count(byTitle, "1m", Duration.ofMinutes(1));
		tenSeconds.union(oneMinute).sinkTo(new DiscardingSink<>()).name("discard");
		JobExecutionResult result = env.execute("bench-flink-viewers");
		Duration wall = Duration.ofNanos(System.nanoTime() - started);
		return new Result(result.<Long>getAccumulatorResult("events"), result.<Long>getAccumulatorResult("sessions"),
				result.<Long>getAccumulatorResult("windows"), result.<Long>getAccumulatorResult("counted"), wall,
				Duration.ofMillis(result.getNetRuntime()));
	}

	private static DataStream<Tuple4<String, String, Long, Long>> count(
			KeyedStream<Tuple3<String, String, Long>, String> byTitle, String label, Duration size) {
		return byTitle.window(TumblingEventTimeWindows.of(size))
			.aggregate(new DistinctSessions(), new WindowCount(label))
			.name("viewers-" + label);
	}

	/**
	 * A raw event as (titleId, sessionId, event time); titleId and sessionId are empty
	 * for events that are not playback events of a session.
	 */
	static final class RawEvent extends AbstractDeserializationSchema<Tuple3<String, String, Long>> {

		private transient ObjectMapper mapper;

		@Override
		public void open(InitializationContext context) {
			this.mapper = new ObjectMapper();
		}

		@Override
		public Tuple3<String, String, Long> deserialize(byte[] message) throws IOException {
			JsonNode event = this.mapper.readTree(message);
			JsonNode timestamp = event.get("timestamp");
			long time = timestamp.isNumber() ? timestamp.asLong() : Instant.parse(timestamp.asText()).toEpochMilli();
			JsonNode type = event.get("type");
			JsonNode titleId = event.get("titleId");
			JsonNode sessionId = event.get("sessionId");
			if (type == null || titleId == null || sessionId == null
					|| !EventType.fromWire(type.asText()).map(EventType::isPlayback).orElse(false)) {
				return Tuple3.of("", "", time);
			}
			return Tuple3.of(titleId.asText(), sessionId.asText(), time);
		}

	}

	/** Each playback session under its title and once more under {@code _all}. */
	static final class PlaybackSessions
			extends RichFlatMapFunction<Tuple3<String, String, Long>, Tuple3<String, String, Long>> {

		private final LongCounter events = new LongCounter();

		private final LongCounter sessions = new LongCounter();

		@Override
		public void open(OpenContext context) {
			getRuntimeContext().addAccumulator("events", this.events);
			getRuntimeContext().addAccumulator("sessions", this.sessions);
		}

		@Override
		public void flatMap(Tuple3<String, String, Long> event, Collector<Tuple3<String, String, Long>> out) {
			this.events.add(1);
			if (event.f0.isEmpty()) {
				return;
			}
			out.collect(event);
			out.collect(Tuple3.of(ALL_TITLES, event.f1, event.f2));
			this.sessions.add(2);
		}

	}

	/** The distinct sessions of one window, exactly. */
	static final class DistinctSessions
			implements AggregateFunction<Tuple3<String, String, Long>, DistinctSessions.Tally, DistinctSessions.Tally> {

		/** Distinct sessions and events of one window. */
		static final class Tally {

			final Set<String> sessions = new HashSet<>();

			long events;

		}

		@Override
		public Tally createAccumulator() {
			return new Tally();
		}

		@Override
		public Tally add(Tuple3<String, String, Long> session, Tally tally) {
			tally.sessions.add(session.f1);
			tally.events++;
			return tally;
		}

		@Override
		public Tally getResult(Tally tally) {
			return tally;
		}

		@Override
		public Tally merge(Tally a, Tally b) {
			a.sessions.addAll(b.sessions);
			a.events += b.events;
			return a;
		}

	}

	/** (titleId, window, start, viewers) of a closed window. */
	static final class WindowCount extends
			ProcessWindowFunction<DistinctSessions.Tally, Tuple4<String, String, Long, Long>, String, TimeWindow> {

		private final String label;

		private final LongCounter windows = new LongCounter();

		private final LongCounter counted = new LongCounter();

		WindowCount(String label) {
			this.label = label;
		}

		@Override
		public void open(OpenContext context) {
			getRuntimeContext().addAccumulator("windows", this.windows);
			getRuntimeContext().addAccumulator("counted", this.counted);
		}

		@Override
		public void process(String titleId, Context context, Iterable<DistinctSessions.Tally> tallies,
				Collector<Tuple4<String, String, Long, Long>> out) {
			for (DistinctSessions.Tally tally : tallies) {
				this.windows.add(1);
				this.counted.add(tally.events);
				out.collect(Tuple4.of(titleId, this.label, context.window().getStart(), (long) tally.sessions.size()));
			}
		}

	}

}
