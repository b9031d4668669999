package dev.keystone.processing.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Where each raw event went. Every record read ends up counted once as {@code rejected},
 * {@code duplicate} or {@code cleansed}; every cleansed event is then {@code enriched}.
 * Cleansed events that arrived after their windows had closed are also counted as
 * {@code late}: stored, but in no window.
 */
public final class StageCounters {

	/** The {@code stage} of every rejection processing writes. */
	public static final String STAGE = "processing";

	/**
	 * The reasons processing rejects for, registered at start so that rates and alerts
	 * see zero rather than nothing before the first rejection.
	 */
	public static final List<String> REASONS = List.of("invalid", "future", "too_old");

	private final MeterRegistry registry;

	private final Counter cleansed;

	private final Counter rejected;

	private final Counter duplicate;

	private final Counter late;

	private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

	public StageCounters(MeterRegistry registry) {
		this.registry = registry;
		this.cleansed = stage("cleansed");
		this.rejected = stage("rejected");
		this.duplicate = stage("duplicate");
		this.late = Counter.builder("keystone.processing.late")
			.description("Events stored but left out of their windows, which had closed before they arrived")
			.register(registry);
		REASONS.forEach(this::byReason);
	}

	private Counter stage(String stage) {
		return Counter.builder("keystone.processing.events")
			.description("Events by the processing stage they reached")
			.tag("stage", stage)
			.register(this.registry);
	}

	public void cleansed() {
		this.cleansed.increment();
	}

	public void duplicate() {
		this.duplicate.increment();
	}

	public void late() {
		this.late.increment();
	}

	/** The reasons are the handful cleansing knows, so the tag stays bounded. */
	public void rejected(String reason) {
		this.rejected.increment();
		byReason(reason).increment();
	}

	private Counter byReason(String reason) {
		return this.byReason.computeIfAbsent(reason,
				(key) -> Counter.builder("keystone.processing.rejected")
					.description("Events rejected by processing, by reason")
					.tag("reason", key)
					.register(this.registry));
	}

}
