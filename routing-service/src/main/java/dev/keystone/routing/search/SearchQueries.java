package dev.keystone.routing.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.events.http.BadParameterException;
import dev.keystone.routing.readapi.QueryParameters;
import dev.keystone.routing.sink.StoreUnavailableException;

/**
 * Event search, histograms and anomalies over Elasticsearch. Events are searched through
 * the index pattern of the daily indices, newest first.
 */
class SearchQueries {

	static final Map<String, Duration> INTERVALS = Map.of("10s", Duration.ofSeconds(10), "1m", Duration.ofMinutes(1),
			"5m", Duration.ofMinutes(5), "15m", Duration.ofMinutes(15), "1h", Duration.ofHours(1), "1d",
			Duration.ofDays(1));

	static final Set<String> GROUPS = Set.of("type", "deviceType", "country");

	static final Set<String> SEVERITIES = Set.of("low", "medium", "high", "critical");

	private static final int MAX_WINDOW = 10_000;

	private static final int MAX_BUCKETS = 2_000;

	private final ElasticsearchClient client;

	private final Clock clock;

	SearchQueries(ElasticsearchClient client, Clock clock) {
		this.client = client;
		this.clock = clock;
	}

	EventPage events(EventFilter filter, int page, int size) {
		QueryParameters.bounded("size", size, 1, 500);
		QueryParameters.bounded("page", page, 0, MAX_WINDOW);
		if ((long) (page + 1) * size > MAX_WINDOW) {
			throw new BadParameterException("page", "page * size must stay within the first " + MAX_WINDOW + " events; "
					+ "narrow the time range instead");
		}
		Query query = filter.toQuery();
		SearchResponse<ObjectNode> response = search(() -> this.client.search((search) -> search.index(EventIndices.ALL)
			.allowNoIndices(true)
			.ignoreUnavailable(true)
			.query(query)
			.from(page * size)
			.size(size)
			.trackTotalHits((track) -> track.enabled(true))
			.sort((sort) -> sort.field((field) -> field.field("timestamp").order(SortOrder.Desc)))
			.sort((sort) -> sort.field((field) -> field.field("eventId").order(SortOrder.Asc)))
			.source((source) -> source.filter((f) -> f.excludes("searchText"))), ObjectNode.class));
		return new EventPage(total(response), page, size, response.hits().hits().stream().map(Hit::source).toList());
	}

	Histogram histogram(String interval, String from, String to, String groupBy) {
		QueryParameters.oneOf("interval", interval, INTERVALS.keySet());
		QueryParameters.oneOf("groupBy", groupBy, GROUPS);
		Instant[] range = QueryParameters.range(from, to, Duration.ofHours(1), this.clock);
		Duration step = INTERVALS.get(interval);
		if (Duration.between(range[0], range[1]).dividedBy(step) > MAX_BUCKETS) {
			throw new BadParameterException("interval",
					"the range holds more than " + MAX_BUCKETS + " buckets of " + interval + "; widen the interval");
		}
		Query inRange = Query.of((q) -> q.range((r) -> r.untyped((u) -> u.field("timestamp")
			.gte(JsonData.of(range[0].toString()))
			.lt(JsonData.of(range[1].toString())))));
		SearchResponse<Void> response = search(
				() -> this.client.search(
						(search) -> search.index(EventIndices.ALL)
							.allowNoIndices(true)
							.ignoreUnavailable(true)
							.size(0)
							.query(inRange)
							.aggregations("buckets",
									(agg) -> agg
										.dateHistogram((histogram) -> histogram.field("timestamp")
											.fixedInterval((fixed) -> fixed.time(interval))
											.minDocCount(0)
											.extendedBounds((bounds) -> bounds
												.min(FieldDateMath.of((m) -> m.value((double) range[0].toEpochMilli())))
												.max(FieldDateMath.of((m) -> m
													.value((double) range[1].minusMillis(1).toEpochMilli())))))
										.aggregations("groups",
												(group) -> group.terms((terms) -> terms.field(groupBy).size(100)))),
						Void.class));
		List<Histogram.Bucket> buckets = new ArrayList<>();
		for (DateHistogramBucket bucket : response.aggregations().get("buckets").dateHistogram().buckets().array()) {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (StringTermsBucket group : bucket.aggregations().get("groups").sterms().buckets().array()) {
				counts.put(group.key().stringValue(), group.docCount());
			}
			buckets.add(new Histogram.Bucket(Instant.ofEpochMilli(bucket.key()), bucket.docCount(), counts));
		}
		return new Histogram(interval, groupBy, range[0], range[1], buckets);
	}

	AnomalyPage anomalies(String from, String to, String severity, int size) {
		QueryParameters.bounded("size", size, 1, 500);
		Instant start = QueryParameters.instant("from", from, Instant.EPOCH);
		Instant end = QueryParameters.instant("to", to, this.clock.instant().plus(Duration.ofDays(1)));
		if (start.isAfter(end)) {
			throw new BadParameterException("from", "from must not be after to");
		}
		BoolQuery.Builder bool = new BoolQuery.Builder().filter((f) -> f.range((r) -> r.untyped(
				(u) -> u.field("windowStart").gte(JsonData.of(start.toString())).lt(JsonData.of(end.toString())))));
		if (severity != null) {
			bool.filter((f) -> f
				.term((t) -> t.field("severity").value(QueryParameters.oneOf("severity", severity, SEVERITIES))));
		}
		Query query = Query.of((q) -> q.bool(bool.build()));
		SearchResponse<ObjectNode> response = search(() -> this.client.search(
				(search) -> search.index(IndexSetup.ANOMALIES_INDEX)
					.query(query)
					.size(size)
					.trackTotalHits((track) -> track.enabled(true))
					.sort((sort) -> sort.field((field) -> field.field("windowStart").order(SortOrder.Desc)))
					.sort((sort) -> sort.field((field) -> field.field("anomalyId").order(SortOrder.Asc))),
				ObjectNode.class));
		return new AnomalyPage(total(response), response.hits().hits().stream().map(Hit::source).toList());
	}

	private static long total(SearchResponse<?> response) {
		return (response.hits().total() != null) ? response.hits().total().value() : 0;
	}

	private static <T> T search(Search<T> search) {
		try {
			return search.run();
		}
		catch (IOException ex) {
			throw new StoreUnavailableException("elasticsearch unreachable", ex);
		}
	}

	@FunctionalInterface
	private interface Search<T> {

		T run() throws IOException;

	}

	/**
	 * The filters of {@code GET /v1/events}: exact fields, a time range, free text and
	 * whether the event arrived late (only late events carry the flag).
	 */
	record EventFilter(String titleId, String deviceId, String profileId, String type, String name, String from,
			String to, String q, Boolean late) {

		Query toQuery() {
			Instant start = QueryParameters.instant("from", this.from, null);
			Instant end = QueryParameters.instant("to", this.to, null);
			if (start != null && end != null && start.isAfter(end)) {
				throw new BadParameterException("from", "from must not be after to");
			}
			BoolQuery.Builder bool = new BoolQuery.Builder();
			term(bool, "titleId", this.titleId);
			term(bool, "deviceId", this.deviceId);
			term(bool, "profileId", this.profileId);
			term(bool, "type", this.type);
			term(bool, "name", this.name);
			if (Boolean.TRUE.equals(this.late)) {
				bool.filter((f) -> f.term((t) -> t.field("late").value(true)));
			}
			else if (Boolean.FALSE.equals(this.late)) {
				bool.mustNot((n) -> n.term((t) -> t.field("late").value(true)));
			}
			if (start != null || end != null) {
				bool.filter((f) -> f.range((r) -> r.untyped((u) -> {
					u.field("timestamp");
					if (start != null) {
						u.gte(JsonData.of(start.toString()));
					}
					if (end != null) {
						u.lt(JsonData.of(end.toString()));
					}
					return u;
				})));
			}
			if (this.q != null && !this.q.isBlank()) {
				bool.must((m) -> m.simpleQueryString((s) -> s.query(this.q)
					.fields("searchText", "title.name", "name.text")
					.defaultOperator(Operator.And)));
			}
			return Query.of((query) -> query.bool(bool.build()));
		}

		private static void term(BoolQuery.Builder bool, String field, String value) {
			if (value != null && !value.isBlank()) {
				bool.filter((f) -> f.term((t) -> t.field(field).value(value.trim())));
			}
		}

	}

}
