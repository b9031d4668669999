package dev.keystone.ingest.segment;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestIntegrationTest;
import dev.keystone.ingest.IngestClient.Reply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentIngestIT extends IngestIntegrationTest {

	@Test
	void answersSuccessOnceAGzippedBatchIsOnKafka() throws Exception {
		String device = "seg-" + UUID.randomUUID();
		String body = """
				{"batch": [
				  {"type": "track", "event": "Video Playback Started", "messageId": "%1$s-1", "anonymousId": "a1",
				   "timestamp": "2025-01-31T20:15:00.000Z", "context": {"device": {"id": "%1$s", "type": "tv"}},
				   "properties": {"session_id": "s1", "content_asset_id": "t1", "position": 3}},
				  {"type": "screen", "name": "Home", "messageId": "%1$s-2", "anonymousId": "a1",
				   "timestamp": "2025-01-31T20:15:01.000Z", "context": {"device": {"id": "%1$s"}}}
				], "sentAt": "2025-01-31T20:15:02.000Z"}""".formatted(device);

		Reply reply = this.client.post("/v1/batch", "application/json", "gzip",
				IngestClient.gzip(body.getBytes(StandardCharsets.UTF_8)));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().toString()).isEqualTo("{\"success\":true}");
		List<JsonNode> values = new ArrayList<>();
		for (ConsumerRecord<String, String> record : this.raw.await((r) -> device.equals(r.key()), 2,
				Duration.ofSeconds(30))) {
			values.add(MAPPER.readTree(record.value()));
		}
		assertThat(values).extracting((value) -> value.path("type").asText())
			.containsExactlyInAnyOrder("play_start", "custom");
		assertThat(values).extracting((value) -> value.path("eventId").asText())
			.containsExactlyInAnyOrder(device + "-1", device + "-2");
	}

	@Test
	void acceptsTheSingleCallsWithTheirTypeTakenFromThePath() {
		String device = "seg-" + UUID.randomUUID();
		for (String call : new String[] { "track", "page", "screen", "identify" }) {
			String body = """
					{"event": "Signed Up", "name": "Home", "anonymousId": "a1", "context": {"device": {"id": "%s"}}}
					""".formatted(device);
			Reply reply = this.client.post("/v1/" + call, "application/json", null,
					body.getBytes(StandardCharsets.UTF_8));
			assertThat(reply.status()).as(call).isEqualTo(200);
		}

		assertThat(this.raw.await((r) -> device.equals(r.key()), 4, Duration.ofSeconds(30))).hasSize(4);
	}

	@Test
	void refusesTheWholeBatchNamingEachInvalidMessageAndWritesNothing() {
		String device = "seg-" + UUID.randomUUID();
		String body = """
				{"batch": [
				  {"type": "page", "anonymousId": "a1", "context": {"device": {"id": "%1$s"}}},
				  {"type": "track", "event": "Video Playback Paused", "anonymousId": "a1",
				   "context": {"device": {"id": "%1$s"}}, "properties": {"session_id": "s1"}}
				]}""".formatted(device);

		Reply reply = this.client.request("POST", "/v1/batch", body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode error = reply.json().path("errors").get(0);
		assertThat(error.path("index").asInt()).isEqualTo(1);
		assertThat(error.path("problems").get(0).path("field").asText()).isEqualTo("properties.content_asset_id");
		assertThat(this.raw.drain((r) -> device.equals(r.key()), Duration.ofSeconds(3))).isEmpty();
	}

	@Test
	void refusesABodyThatIsNotABatch() {
		Reply notJson = this.client.request("POST", "/v1/batch", "{\"batch\": [");
		Reply noBatch = this.client.request("POST", "/v1/batch", "{\"messages\": []}");

		assertThat(notJson.status()).isEqualTo(400);
		assertThat(noBatch.status()).isEqualTo(400);
		assertThat(noBatch.json().path("detail").asText()).contains("\"batch\" array");
	}

	@Test
	void refusesMessagesAndBatchesOverSegmentsLimits() {
		String big = "x".repeat(33 * 1024);
		Reply message = this.client.request("POST", "/v1/track",
				"{\"event\": \"e\", \"anonymousId\": \"a1\", \"properties\": {\"blob\": \"" + big + "\"}}");
		StringBuilder batch = new StringBuilder("{\"batch\": [");
		for (int i = 0; i < 20; i++) {
			batch.append((i > 0) ? "," : "")
				.append("{\"type\": \"track\", \"event\": \"e\", \"anonymousId\": \"a1\", \"properties\": {\"blob\": \"")
				.append("y".repeat(30 * 1024))
				.append("\"}}");
		}
		Reply tooLarge = this.client.request("POST", "/v1/batch", batch.append("]}").toString());

		assertThat(message.status()).isEqualTo(413);
		assertThat(message.json().path("detail").asText()).contains("message 0");
		assertThat(tooLarge.status()).isEqualTo(413);
	}

}
