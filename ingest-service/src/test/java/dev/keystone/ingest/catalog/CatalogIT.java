package dev.keystone.ingest.catalog;

import java.time.Duration;
import java.util.UUID;

import dev.keystone.events.Topics;
import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestClient.Reply;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogIT {

	private static final String DARK = """
			{"name": "Dark", "genres": ["drama", "sci-fi"], "durationMs": 3120000, "releaseYear": 2017}""";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Test
	void createsReadsUpdatesAndDeletesATitleOnTheCompactedTopic() {
		IngestClient client = new IngestClient(this.port);
		String titleId = "title-" + UUID.randomUUID();
		String path = "/v1/catalog/titles/" + titleId;
		try (TopicProbe catalog = TopicProbe.from(KeystoneStack.shared(), Topics.CATALOG_TITLES)) {
			Reply created = client.request("PUT", path, DARK);
			Reply updated = client.request("PUT", path, DARK.replace("2017", "2018"));
			Reply read = client.request("GET", path, null);
			Reply deleted = client.request("DELETE", path, null);
			Reply gone = client.request("GET", path, null);

			assertThat(created.status()).isEqualTo(201);
			assertThat(updated.status()).isEqualTo(200);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.json().get("titleId").asText()).isEqualTo(titleId);
			assertThat(read.json().get("name").asText()).isEqualTo("Dark");
			assertThat(read.json().get("releaseYear").asInt()).isEqualTo(2018);
			assertThat(read.json().get("genres").toString()).isEqualTo("[\"drama\",\"sci-fi\"]");
			assertThat(deleted.status()).isEqualTo(204);
			assertThat(gone.status()).isEqualTo(404);
			assertThat(gone.contentType()).startsWith("application/problem+json");
			assertThat(catalog.await((r) -> titleId.equals(r.key()), 3, Duration.ofSeconds(30)))
				.extracting(ConsumerRecord::value)
				.satisfiesExactly((first) -> assertThat(first).contains("2017"),
						(second) -> assertThat(second).contains("2018"), (tombstone) -> assertThat(tombstone).isNull());
		}
	}

	@Test
	void rejectsInvalidTitlesWithFieldProblems() {
		IngestClient client = new IngestClient(this.port);

		Reply invalid = client.request("PUT", "/v1/catalog/titles/t-1",
				"{\"name\": \" \", \"durationMs\": -1, \"releaseYear\": 1200}");
		Reply unknownField = client.request("PUT", "/v1/catalog/titles/t-1", "{\"name\": \"x\", \"rating\": 5}");
		Reply badId = client.request("PUT", "/v1/catalog/titles/bad%20id", DARK);
		Reply missing = client.request("DELETE", "/v1/catalog/titles/never-" + UUID.randomUUID(), null);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
				"durationMs", "releaseYear");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().get("detail").asText()).isEqualTo("unknown field 'rating'");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(404);
	}

}
