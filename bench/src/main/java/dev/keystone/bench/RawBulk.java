package dev.keystone.bench;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;

/**
 * A plain bulk client: the same search documents, in bulks of the size routing-service
 * writes, one bulk at a time (as its consumer does), into a scratch index with the
 * mapping of routing-service's events template.
 */
final class RawBulk implements AutoCloseable {

	private final RestClient rest;

	private final ElasticsearchClient client;

	RawBulk(URI elasticsearch) {
		this.rest = RestClient.builder(HttpHost.create(elasticsearch.toString())).build();
		this.client = new ElasticsearchClient(new RestClientTransport(this.rest, new JacksonJsonpMapper()));
	}

	ElasticsearchClient client() {
		return this.client;
	}

	/** A fresh index with the settings and mapping of the template, without its alias. */
	void createIndex(String index, Path template) throws IOException {
		JsonNode body = new ObjectMapper().readTree(Files.readString(template)).path("template");
		ObjectNode definition = new ObjectMapper().createObjectNode();
		definition.set("settings", body.path("settings"));
		definition.set("mappings", body.path("mappings"));
		if (this.client.indices().exists((e) -> e.index(index)).value()) {
			this.client.indices().delete((d) -> d.index(index));
		}
		this.client.indices().create((c) -> c.index(index).withJson(new StringReader(definition.toString())));
	}

	void deleteIndex(String index) throws IOException {
		this.client.indices().delete((d) -> d.index(index));
	}

	/** Indexes every document; returns the elapsed nanos. */
	long index(String index, List<PipelineData.Enriched> events, List<byte[]> documents, int batchSize)
			throws IOException {
		long started = System.nanoTime();
		for (int from = 0; from < events.size(); from += batchSize) {
			int to = Math.min(events.size(), from + batchSize);
			List<BulkOperation> operations = new ArrayList<>(to - from);
			for (int i = from; i < to; i++) {
				String id = events.get(i).eventId();
				BinaryData source = BinaryData.of(documents.get(i), ContentType.APPLICATION_JSON);
				operations.add(BulkOperation.of((op) -> op.index((ix) -> ix.index(index).id(id).document(source))));
			}
			BulkResponse response = this.client.bulk((b) -> b.operations(operations));
			if (response.errors()) {
				throw new IllegalStateException("raw bulk refused documents: " + response.items()
					.stream()
					.filter((item) -> item.error() != null)
					.findFirst()
					.map((item) -> item.error().reason())
					.orElse("?"));
			}
		}
		return System.nanoTime() - started;
	}

	long count(String index) throws IOException {
		this.client.indices().refresh((r) -> r.index(index));
		return this.client.count((c) -> c.index(index)).count();
	}

	@Override
	public void close() throws IOException {
		this.rest.close();
	}

}
