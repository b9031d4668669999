package dev.keystone.routing.viewers;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How many viewer-count writes may be under way at once. The next batch's writes start
 * while the previous batch's are still landing, within this bound; a batch that does not
 * fit waits for room, and one that waits longer than {@code roomTimeout} (the store is
 * down or far behind) is handed back for a paced retry.
 *
 * @param maxInFlight writes started and not yet taken by Cassandra, retries included;
 * below the driver's throttler queue ({@code spring.cassandra.request.throttler}), which
 * fails requests beyond it
 * @param roomTimeout longest wait for room before the batch is handed back
 * @param timeout how long one write may take before it is tried again; the driver counts
 * the time a write waits in its throttler's queue, behind up to {@code maxInFlight}
 * others, so this is well above the driver's request timeout, which the reads keep
 */
@Validated
@ConfigurationProperties("keystone.routing.viewers.writes")
record ViewerWrites(@Min(1) int maxInFlight, @NotNull Duration roomTimeout, @NotNull Duration timeout) {

}
