package dev.keystone.ingest.events;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.keystone.events.Problem;

/**
 * Why one event of a request was not accepted. {@code invalid} must not be retried;
 * {@code failed} may be retried as is, with the {@code eventId} given here so a retry is
 * recognised as the same event.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record EventError(int index, String eventId, String status, List<Problem> problems) {

	static final String INVALID = "invalid";

	static final String FAILED = "failed";

}
