package dev.keystone.ingest.catalog;

import java.time.Duration;
import java.util.UUID;

import dev.keystone.events.Topics;
import dev.keystone.ingest.IngestIntegrationTest;
import dev.keystone.ingest.IngestClient.Reply;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogIT extends IngestIntegrationTest {

	private static final String DARK = """
			{"name": "Dark", "genres": ["drama", "sci-fi"], "durationMs": 3120000, "releaseYear": 2017}""";

	@Test
	void createsReadsUpdatesAndDeletesATitleOnTheCompactedTopic() {
		String titleId = "title-" + UUID.randomUUID();
		String path = "/v1/catalog/titles/" + titleId;
		try (TopicProbe catalog = TopicProbe.from(KeystoneStack.shared(), Topics.CATALOG_TITLES)) {
			Reply created = this.client.request("PUT", path, DARK);
			Reply updated = this.client.request("PUT", path, DARK.replace("2017", "2018"));
			Reply read = this.client.request("GET", path, null);
			Reply deleted = this.client.request("DELETE", path, null);
			Reply gone = this.client.request("GET", path, null);

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

		Reply invalid = this.client.request("PUT", "/v1/catalog/titles/t-1",
				"{\"name\": \" \", \"durationMs\": -1, \"releaseYear\": 1200}");
		Reply unknownField = this.client.request("PUT", "/v1/catalog/titles/t-1", "{\"name\": \"x\", \"rating\": 5}");
		Reply badId = this.client.request("PUT", "/v1/catalog/titles/bad%20id", DARK);
		Reply missing = this.client.request("DELETE", "/v1/catalog/titles/never-" + UUID.randomUUID(), null);

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name",
				"durationMs", "releaseYear");
		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().get("detail").asText()).isEqualTo("unknown field 'rating'");
		assertThat(badId.status()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(404);
	}

}
