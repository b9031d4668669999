package dev.keystone.processing.windowing;

/**
 * What one event adds to one window of one key.
 *
 * @param series the kind of window
 * @param key the title or scope counted
 * @param session the session to count as distinct, or null
 * @param counts what to add to each counter; in the session counters of the series, a
 * non-zero value counts the session in that counter (once per window), and the
 * {@link Series#SESSIONS} slot is ignored: a session is always counted there
 */
public record Contribution(Series series, String key, String session, long[] counts) {

}
