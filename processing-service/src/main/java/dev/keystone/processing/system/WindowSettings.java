package dev.keystone.processing.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What all event-time windows share. Cleansing rejects an event as {@code late} with the
 * same grace the windows use, so an event is either counted or rejected, never dropped by
 * a window that had already closed.
 *
 * @param grace how long a window stays open for out-of-order events after its end
 */
@Validated
@ConfigurationProperties("keystone.processing.windows")
public record WindowSettings(@NotNull @DurationMin(seconds = 0) Duration grace) {

}
