package dev.keystone.processing.windowing;

import java.time.Instant;

/**
 * Follows the windows a merging task emitted for a watermark: every window of this task's
 * keys that ends by {@code through} has been emitted, so a key without one had no events
 * in it.
 *
 * @param through the lowest watermark over all raw partitions
 */
public record ClosedThrough(Instant through) implements Closing {

}
