package dev.keystone.routing.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import dev.keystone.routing.sink.SinkMetrics;
import dev.keystone.routing.sink.SinkSettings;
import dev.keystone.routing.sink.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bulk-indexes documents by id, so a redelivered record overwrites its earlier copy.
 * Items the cluster could not take right now (429, 5xx) are retried within the call;
 * items refused for their content are returned for rejection; an unreachable cluster
 * fails the whole call so the batch is retried later.
 */
class BulkWriter {

	private final ElasticsearchClient client;

	private final SinkSettings settings;

	private final SinkMetrics metrics;

	BulkWriter(ElasticsearchClient client, SinkSettings settings, MeterRegistry registry) {
		this.client = client;
		this.settings = settings;
		this.metrics = SinkMetrics.of(registry, "elasticsearch");
	}

	List<BulkFailure> write(List<BulkDocument> documents) {
		List<BulkFailure> refused = new ArrayList<>();
		List<BulkDocument> pending = documents;
		int contentAttempts = 0;
		for (int attempt = 1; !pending.isEmpty(); attempt++) {
			BulkResponse response = send(pending);
			List<BulkDocument> retry = new ArrayList<>();
			List<BulkFailure> refusedNow = new ArrayList<>();
			for (int i = 0; i < pending.size(); i++) {
				BulkResponseItem item = response.items().get(i);
				if (item.error() == null) {
					this.metrics.ok().increment();
				}
				else if (transientStatus(item.status())) {
					retry.add(pending.get(i));
				}
				else {
					refusedNow.add(new BulkFailure(pending.get(i), item.error().type() + ": " + item.error().reason()));
				}
			}
			contentAttempts++;
			if (contentAttempts >= this.settings.itemAttempts()) {
				refused.addAll(refusedNow);
			}
			else {
				refusedNow.forEach((failure) -> retry.add(failure.document()));
			}
			if (!retry.isEmpty() && attempt >= this.settings.transientAttempts() + this.settings.itemAttempts()) {
				throw new StoreUnavailableException(
						"elasticsearch kept refusing " + retry.size() + " documents of a batch", null);
			}
			this.metrics.retried().increment(retry.size());
			pending = retry;
			if (!pending.isEmpty()) {
				pause(attempt);
			}
		}
		this.metrics.failed().increment(refused.size());
		return refused;
	}

	private BulkResponse send(List<BulkDocument> documents) {
		List<BulkOperation> operations = new ArrayList<>(documents.size());
		for (BulkDocument document : documents) {
			operations.add(BulkOperation.of((op) -> op
				.index((index) -> index.index(document.index()).id(document.id()).document(document.source()))));
		}
		long started = System.nanoTime();
		try {
			return this.client.bulk((bulk) -> bulk.operations(operations));
		}
		catch (IOException | RuntimeException ex) {
			throw new StoreUnavailableException("elasticsearch unreachable", ex);
		}
		finally {
			this.metrics.writeTime().record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	private static boolean transientStatus(int status) {
		return status == 429 || status >= 500;
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(2000, 100L << Math.min(attempt, 5)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException("interrupted while retrying", ex);
		}
	}

}
