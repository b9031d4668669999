package dev.keystone.recommendation.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Requests per endpoint of the public API; the endpoints are few and fixed, so the tag is
 * bounded.
 */
public final class RequestCounter {

	private final MeterRegistry registry;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	public RequestCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	public void count(String endpoint) {
		this.counters
			.computeIfAbsent(endpoint,
					(name) -> Counter.builder("keystone.recommendation.requests")
						.description("Requests to the recommendation API")
						.tag("endpoint", name)
						.register(this.registry))
			.increment();
	}

}
