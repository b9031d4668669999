package dev.keystone.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why an event left the pipeline, on {@code events.rejected} keyed by {@code eventId}.
 * {@code original} is the event as the rejecting stage received it, so nothing is lost.
 */
public record Rejection(String reason, String detail, String stage, Instant rejectedAt, JsonNode original) {

}
