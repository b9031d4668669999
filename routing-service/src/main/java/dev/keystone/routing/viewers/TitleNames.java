package dev.keystone.routing.viewers;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import dev.keystone.routing.search.EventIndices;
import dev.keystone.routing.sink.StoreUnavailableException;

/**
 * Title names for the top-titles answer, taken from the enriched events already indexed,
 * since this service does not read the catalog itself. A title the catalog does not know
 * has no name.
 */
class TitleNames {

	private final ElasticsearchClient client;

	TitleNames(ElasticsearchClient client) {
		this.client = client;
	}

	Map<String, String> of(List<String> titleIds) {
		Map<String, String> names = new HashMap<>();
		if (titleIds.isEmpty()) {
			return names;
		}
		List<FieldValue> ids = titleIds.stream().map(FieldValue::of).toList();
		SearchResponse<Void> response;
		try {
			response = this.client.search(
					(search) -> search.index(EventIndices.ALL)
						.allowNoIndices(true)
						.ignoreUnavailable(true)
						.size(0)
						.query((query) -> query.bool((bool) -> bool.filter(
								(filter) -> filter.terms((terms) -> terms.field("titleId").terms((t) -> t.value(ids))))
							.filter((filter) -> filter.exists((exists) -> exists.field("title.name")))))
						.aggregations("titles",
								(agg) -> agg.terms((terms) -> terms.field("titleId").size(titleIds.size()))
									.aggregations("latest", (latest) -> latest.topHits((hits) -> hits.size(1)
										.source((source) -> source.filter((filter) -> filter.includes("title.name")))
										.sort((sort) -> sort
											.field((field) -> field.field("timestamp").order(SortOrder.Desc)))))),
					Void.class);
		}
		catch (IOException ex) {
			throw new StoreUnavailableException("elasticsearch unreachable", ex);
		}
		for (StringTermsBucket bucket : response.aggregations().get("titles").sterms().buckets().array()) {
			bucket.aggregations().get("latest").topHits().hits().hits().stream().findFirst().ifPresent((hit) -> {
				JsonData source = hit.source();
				if (source != null) {
					String name = source.toJson().asJsonObject().getJsonObject("title").getString("name", null);
					names.put(bucket.key().stringValue(), name);
				}
			});
		}
		return names;
	}

}
