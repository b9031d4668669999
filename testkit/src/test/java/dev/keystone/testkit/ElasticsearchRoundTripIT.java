package dev.keystone.testkit;

import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KeystoneStackExtension.class)
class ElasticsearchRoundTripIT {

	@Test
	@SuppressWarnings("rawtypes")
	void findsIndexedDocumentBySearch(KeystoneStack stack) throws Exception {
		try (RestClient rest = RestClient.builder(HttpHost.create(stack.elasticsearchUri())).build()) {
			ElasticsearchClient client = new ElasticsearchClient(
					new RestClientTransport(rest, new JacksonJsonpMapper()));
			String index = "testkit-roundtrip";
			if (client.indices().exists((e) -> e.index(index)).value()) {
				client.indices().delete((d) -> d.index(index));
			}

			client.index((i) -> i.index(index)
				.id("e1")
				.document(Map.of("titleId", "t1", "type", "play_start"))
				.refresh(Refresh.True));
			client.index((i) -> i.index(index)
				.id("e2")
				.document(Map.of("titleId", "t2", "type", "heartbeat"))
				.refresh(Refresh.True));
			SearchResponse<Map> found = client.search(
					(s) -> s.index(index).query((q) -> q.term((t) -> t.field("titleId.keyword").value("t1"))),
					Map.class);

			assertThat(found.hits().total().value()).isEqualTo(1);
			assertThat(found.hits().hits().get(0).id()).isEqualTo("e1");
			assertThat(found.hits().hits().get(0).source()).containsEntry("type", "play_start");
		}
	}

}
