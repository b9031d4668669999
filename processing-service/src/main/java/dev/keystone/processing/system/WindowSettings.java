package dev.keystone.processing.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What all event-time windows share.
 *
 * @param grace how far behind its partition's newest event time an event may be and still
 * be counted; windows close that long after their end, and an event whose window has
 * closed is stored flagged {@code late} but left out of it
 * @param idleAfter how long a partition that has been read to its end may go without
 * records before its clock follows the wall clock (held that far behind), so that quiet
 * partitions do not hold every window open
 */
@Validated
@ConfigurationProperties("keystone.processing.windows")
public record WindowSettings(@NotNull @DurationMin(seconds = 0) Duration grace,
		@NotNull @DurationMin(seconds = 1) Duration idleAfter) {

}
