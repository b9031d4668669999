package dev.keystone.routing.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/events/histogram}: events per interval bucket and group.
 *
 * @param interval the bucket width, such as {@code 1m}
 * @param groupBy the field the counts are grouped by
 * @param from first instant of the range
 * @param to first instant after it
 * @param buckets one per interval in the range, empty ones included, oldest first
 */
record Histogram(String interval, String groupBy, Instant from, Instant to, List<Bucket> buckets) {

	/**
	 * One interval of the histogram.
	 *
	 * @param start first instant of the bucket
	 * @param total events in the bucket
	 * @param counts events per group value, most first
	 */
	record Bucket(Instant start, long total, Map<String, Long> counts) {

	}

}
