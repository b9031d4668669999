package dev.keystone.ingest.events;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds that keep one request, and the service as a whole, from costing more than it
 * should.
 *
 * @param maxEvents events in one request
 * @param maxRequestSize body size after decompression, enforced while reading
 * @param maxInFlight bytes sent to Kafka and not yet acknowledged, across all requests;
 * above it requests get 429 instead of queueing
 * @param sendTimeout how long a request waits for Kafka's acknowledgements before its
 * unacknowledged events count as failed
 * @param retryAfter what 429 and 503 answers advise clients to wait
 */
@Validated
@ConfigurationProperties("keystone.ingest")
public record IngestLimits(@Min(1) @Max(10_000) int maxEvents, @NotNull DataSize maxRequestSize,
		@NotNull DataSize maxInFlight, @NotNull Duration sendTimeout, @NotNull Duration retryAfter) {

}
