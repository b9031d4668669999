package dev.keystone.routing.replay;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A replay's state as the API shows it.
 *
 * @param replayId its id
 * @param state {@code running}, {@code done} or {@code failed}
 * @param from first instant, inclusive
 * @param to last instant, exclusive
 * @param filter the filter it applies
 * @param target {@code search} or {@code topic}
 * @param matched archived events that matched so far
 * @param written events indexed or published so far
 * @param startedAt when it started
 * @param finishedAt when it ended, or null while it runs
 * @param error why it failed, or null
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Replay(String replayId, String state, Instant from, Instant to, ReplayRequest.Filter filter,
		String target, long matched, long written, Instant startedAt, Instant finishedAt, String error) {

}
