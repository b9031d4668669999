package dev.keystone.bench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * Accepted events per second and request latency of ingest-service for single events, for
 * 100-event batches and for 100-message Segment batches, against Kafka's raw producer
 * rate for records of the size ingest writes, in the same run.
 */
final class IngestScenario {

	private static final String RAW_TOPIC = "bench.raw";

	private static final int RAW_RECORDS = 1_000_000;

	private final BenchSettings settings;

	IngestScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void run() throws InterruptedException, IOException, ExecutionException {
		PlaybackEvents events = new PlaybackEvents();
		List<LoadGenerator.Body> singles = events.singles(20_000);
		List<LoadGenerator.Body> batches = events.batches(400, 100);
		List<LoadGenerator.Body> segmentBatches = events.segmentBatches(400, 100);
		LoadGenerator load = new LoadGenerator(this.settings.connections());
		LoadGenerator.Result single = load.run(
				new LoadGenerator.Target("single events", this.settings.ingest(), "/v1/events", Map.of()), singles,
				this.settings.warmup(), this.settings.duration());
		LoadGenerator.Result batch = load.run(
				new LoadGenerator.Target("100-event batches", this.settings.ingest(), "/v1/events", Map.of()), batches,
				this.settings.warmup(), this.settings.duration());
		LoadGenerator.Result segment = load.run(new LoadGenerator.Target("100-message Segment batches",
				this.settings.ingest(), "/v1/batch", Map.of(), 200), segmentBatches, this.settings.warmup(),
				this.settings.duration());
		double recordBytes;
		double raw;
		try (KafkaTopics kafka = new KafkaTopics(this.settings.kafka())) {
			recordBytes = kafka.averageValueBytes("events.raw", 5000);
			kafka.create(RAW_TOPIC, 12);
		}
		raw = new RawProducer(this.settings).recordsPerSecond(RAW_TOPIC, RAW_RECORDS, (int) Math.round(recordBytes));

		Report.figure("event size as sent (mean)", PlaybackEvents.averageEventBytes(batches), "bytes");
		Report.figure("record size on events.raw (mean)", recordBytes, "bytes");
		Report.figure("load generator connections", this.settings.connections(), "connections");
		Report.figure("measured period per load", this.settings.duration().toSeconds(), "s");
		single.print("single-event requests:");
		batch.print("100-event batches:");
		Report.figure("Segment message size as sent (mean)", PlaybackEvents.averageEventBytes(segmentBatches), "bytes");
		segment.print("100-message Segment batches (POST /v1/batch):");
		Report.figure("raw ProducerPerformance (" + RAW_RECORDS + " records of " + Math.round(recordBytes) + " B)", raw,
				"records/s");
		Report.ratio("single events/s ÷ raw producer records/s", single.eventsPerSecond() / raw);
		Report.ratio("batch events/s ÷ raw producer records/s", batch.eventsPerSecond() / raw);
		Report.ratio("Segment batch events/s ÷ native batch events/s",
				segment.eventsPerSecond() / batch.eventsPerSecond());
	}

}
