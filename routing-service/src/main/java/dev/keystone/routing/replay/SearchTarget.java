package dev.keystone.routing.replay;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.routing.search.SearchReindex;

/**
 * Indexes replayed events into Elasticsearch again, by event id, so an event already
 * there stays one document.
 */
class SearchTarget implements ReplayTarget {

	private final SearchReindex reindex;

	SearchTarget(SearchReindex reindex) {
		this.reindex = reindex;
	}

	@Override
	public int write(List<ObjectNode> events) {
		return this.reindex.index(events.stream().map(ObjectNode::toString).toList());
	}

}
