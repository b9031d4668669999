package dev.keystone.routing.sink;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the sinks ride out a store that is slow or down.
 *
 * @param itemAttempts tries of a single record the store refused for its content before
 * it is rejected
 * @param transientAttempts tries of records the store could not take right now (429, 5xx)
 * within one batch, before the whole batch is handed back for a paced retry
 * @param initialBackoff first pause after a failed batch
 * @param maxBackoff longest pause between tries of a batch while a store is down
 */
@Validated
@ConfigurationProperties("keystone.routing.sink")
public record SinkSettings(@Min(1) int itemAttempts, @Min(1) int transientAttempts, @NotNull Duration initialBackoff,
		@NotNull Duration maxBackoff) {

}
