package dev.keystone.routing.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.keystone.routing.sink.RejectionPublisher;
import dev.keystone.routing.sink.SinkStatus;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.Timer;

/**
 * Writes each batch of a topic to Elasticsearch. The batch returns, and so its offsets
 * commit, only once every record is either indexed or rejected to
 * {@code events.rejected}.
 */
class SearchSink implements Consumer<List<String>> {

	private final DocumentMapper documents;

	private final BulkWriter writer;

	private final RejectionPublisher rejections;

	private final SinkStatus status;

	private final Clock clock;

	private final Timer storedLatency;

	SearchSink(DocumentMapper documents, BulkWriter writer, RejectionPublisher rejections, SinkStatus status,
			Clock clock, Timer storedLatency) {
		this.documents = documents;
		this.writer = writer;
		this.rejections = rejections;
		this.status = status;
		this.clock = clock;
		this.storedLatency = storedLatency;
	}

	@Override
	public void accept(List<String> records) {
		List<BulkDocument> batch = new ArrayList<>(records.size());
		for (String record : records) {
			DocumentMapper.Mapped mapped = this.documents.map(record);
			if (mapped.document() != null) {
				batch.add(mapped.document());
			}
			else {
				this.rejections.reject(mapped.key(), "unwritable", mapped.refusal(),
						(mapped.original() != null) ? mapped.original() : TextNode.valueOf(record));
			}
		}
		List<BulkFailure> refused;
		try {
			refused = this.writer.write(batch);
			this.status.writing("elasticsearch");
		}
		catch (StoreUnavailableException ex) {
			this.status.waitingFor("elasticsearch", ex.getMessage());
			throw ex;
		}
		for (BulkFailure failure : refused) {
			this.rejections.reject(failure.document().id(), "unwritable", failure.reason(),
					failure.document().original());
		}
		List<BulkDocument> stored = new ArrayList<>(batch);
		refused.forEach((failure) -> stored.remove(failure.document()));
		recordLatency(stored);
	}

	private void recordLatency(List<BulkDocument> stored) {
		Instant now = this.clock.instant();
		for (BulkDocument document : stored) {
			String receivedAt = document.original().path("receivedAt").asText(null);
			if (receivedAt != null) {
				try {
					this.storedLatency.record(Duration.between(Instant.parse(receivedAt), now));
				}
				catch (DateTimeParseException ex) {
					// an event without a readable receipt time has no latency to report
				}
			}
		}
	}

}
