package dev.keystone.ingest.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a batch: how many events were accepted, rejected as invalid, and failed
 * to be written.
 */
record IngestResponse(int accepted, int rejected, int failed,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) List<EventError> errors) {

}
