package dev.keystone.recommendation.system;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Watches counted and how fresh the state is: the age of the newest event it reflects.
 */
public final class RecommendationMetrics {

	private final Counter watched;

	private final Counter finished;

	private final AtomicLong newestEventMillis = new AtomicLong(Long.MIN_VALUE);

	public RecommendationMetrics(MeterRegistry registry, Clock clock) {
		this.watched = Counter.builder("keystone.recommendation.watches")
			.description("Titles that became watched or finished for a profile")
			.tag("kind", "watched")
			.register(registry);
		this.finished = Counter.builder("keystone.recommendation.watches")
			.description("Titles that became watched or finished for a profile")
			.tag("kind", "finished")
			.register(registry);
		Gauge.builder("keystone.recommendation.event.age", this, (metrics) -> metrics.ageSeconds(clock))
			.description("Seconds since the time of the newest event the state reflects")
			.baseUnit("seconds")
			.register(registry);
	}

	public void watched() {
		this.watched.increment();
	}

	public void finished() {
		this.finished.increment();
	}

	public void reflected(Instant eventTime) {
		this.newestEventMillis.accumulateAndGet(eventTime.toEpochMilli(), Math::max);
	}

	private double ageSeconds(Clock clock) {
		long newest = this.newestEventMillis.get();
		return (newest == Long.MIN_VALUE) ? Double.NaN : (clock.millis() - newest) / 1000.0;
	}

}
