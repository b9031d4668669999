package dev.keystone.processing.cleansing;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Which events cleansing lets through.
 *
 * @param maxClockSkew how far after {@code receivedAt} an event may claim to have
 * happened before it counts as {@code future}
 * @param maxAge how far before {@code receivedAt} an event may have happened before it
 * counts as {@code too_old}
 * @param dedupRetention how long an {@code eventId} is remembered; a copy arriving later
 * is counted again
 */
@Validated
@ConfigurationProperties("keystone.processing.cleansing")
public record CleansingSettings(@NotNull @DurationMin(seconds = 0) Duration maxClockSkew,
		@NotNull @DurationMin(minutes = 1) Duration maxAge,
		@NotNull @DurationMin(seconds = 1) Duration dedupRetention) {

}
