package dev.keystone.routing.search;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes events as the search sink does, into the index of their day with the event id
 * as document id: indexing an event that is already there replaces it rather than adding
 * a second copy.
 */
public class SearchReindex {

	private static final Logger log = LoggerFactory.getLogger(SearchReindex.class);

	private final DocumentMapper documents;

	private final BulkWriter writer;

	SearchReindex(DocumentMapper documents, BulkWriter writer) {
		this.documents = documents;
		this.writer = writer;
	}

	/**
	 * Indexes a batch of events.
	 * @param events events as {@code events.enriched} carries them
	 * @return how many Elasticsearch took
	 */
	public int index(List<String> events) {
		List<BulkDocument> batch = new ArrayList<>(events.size());
		for (String event : events) {
			DocumentMapper.Mapped mapped = this.documents.map(event);
			if (mapped.document() != null) {
				batch.add(mapped.document());
			}
			else {
				log.warn("replayed event not indexed key={} reason={}", mapped.key(), mapped.refusal());
			}
		}
		List<BulkFailure> refused = this.writer.write(batch);
		refused.forEach((failure) -> log.warn("replayed event refused by Elasticsearch id={} reason={}",
				failure.document().id(), failure.reason()));
		return batch.size() - refused.size();
	}

}
