package dev.keystone.routing.sink;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The contract's sink metrics for one store: records written by outcome, and time per
 * batch write.
 *
 * @param ok records the store took
 * @param retried records tried again within a batch
 * @param failed records the store refused for good, sent to {@code events.rejected}
 * @param writeTime time to write one batch
 */
public record SinkMetrics(Counter ok, Counter retried, Counter failed, Timer writeTime) {

	public static SinkMetrics of(MeterRegistry registry, String sink) {
		return new SinkMetrics(writes(registry, sink, "ok"), writes(registry, sink, "retried"),
				writes(registry, sink, "failed"),
				Timer.builder("keystone.sink.write")
					.tag("sink", sink)
					.description("Time to write one batch to the store")
					.publishPercentileHistogram()
					.register(registry));
	}

	private static Counter writes(MeterRegistry registry, String sink, String outcome) {
		return Counter.builder("keystone.sink.writes")
			.tag("sink", sink)
			.tag("outcome", outcome)
			.description("Records written to a store, by outcome")
			.register(registry);
	}

}
