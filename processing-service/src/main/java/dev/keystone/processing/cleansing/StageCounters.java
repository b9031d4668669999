package dev.keystone.processing.cleansing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where each raw event went. Every record read is counted {@code cleansed} or
 * {@code rejected}; every cleansed one later {@code duplicate} or {@code enriched}.
 */
final class StageCounters {

	private final MeterRegistry registry;

	private final Counter cleansed;

	private final Counter rejected;

	private final Counter duplicate;

	private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

	StageCounters(MeterRegistry registry) {
		this.registry = registry;
		this.cleansed = stage("cleansed");
		this.rejected = stage("rejected");
		this.duplicate = stage("duplicate");
	}

	private Counter stage(String stage) {
		return Counter.builder("keystone.processing.events")
			.description("Events by the processing stage they reached")
			.tag("stage", stage)
			.register(this.registry);
	}

	void cleansed() {
		this.cleansed.increment();
	}

	void duplicate() {
		this.duplicate.increment();
	}

	/** The reasons are the handful cleansing knows, so the tag stays bounded. */
	void rejected(String reason) {
		this.rejected.increment();
		this.byReason
			.computeIfAbsent(reason,
					(key) -> Counter.builder("keystone.processing.rejected")
						.description("Events rejected by processing, by reason")
						.tag("reason", key)
						.register(this.registry))
			.increment();
	}

}
