package dev.keystone.routing.replay;

import java.time.Instant;

/**
 * What to replay: events with {@code timestamp} in {@code [from, to)} that match every
 * given filter field, to {@code search} or to {@code topic}.
 *
 * @param from first instant, inclusive
 * @param to last instant, exclusive
 * @param filter fields an event must equal, each optional
 * @param target {@code search} or {@code topic}
 */
public record ReplayRequest(Instant from, Instant to, Filter filter, String target) {

	/**
	 * @param titleId the event's title
	 * @param type the event's type
	 * @param deviceId the event's device
	 */
	public record Filter(String titleId, String type, String deviceId) {

		static final Filter NONE = new Filter(null, null, null);

	}

}
