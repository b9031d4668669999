package dev.keystone.ingest.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestIntegrationTest;
import dev.keystone.ingest.IngestClient.Reply;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventsIngestIT extends IngestIntegrationTest {

	@Test
	void acceptsOneEventAndWritesItKeyedByDeviceWithIngestStamps() throws Exception {
		String device = Events.deviceId();
		Instant before = Instant.now();

		Reply reply = this.client.json(Events.playStart(device, "s1", "t1"));

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().toString()).isEqualTo("{\"accepted\":1,\"rejected\":0,\"failed\":0}");
		ConsumerRecord<String, String> record = onlyRecordOf(device);
		assertThat(record.key()).isEqualTo(device);
		JsonNode value = MAPPER.readTree(record.value());
		assertThat(value.get("type").asText()).isEqualTo("play_start");
		assertThat(value.get("titleId").asText()).isEqualTo("t1");
		assertThat(value.get("eventId").asText()).hasSize(36);
		assertThat(value.get("ingestId").asText()).isNotBlank();
		assertThat(Instant.parse(value.get("receivedAt").asText())).isBetween(before, Instant.now());
	}

	@Test
	void keepsTheDevicesEventId() throws Exception {
		String device = Events.deviceId();

		Reply reply = this.client
			.json("{\"eventId\": \"evt-42\", \"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"" + device + "\"}");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(MAPPER.readTree(onlyRecordOf(device).value()).get("eventId").asText()).isEqualTo("evt-42");
	}

	@Test
	void acceptsAnArrayOfEvents() {
		String device = Events.deviceId();
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			events.add(Events.playStart(device, "s" + i, "t1"));
		}

		Reply reply = this.client.json("[" + String.join(",", events) + "]");

		assertThat(reply.status()).isEqualTo(202);
		assertThat(reply.json().get("accepted").asInt()).isEqualTo(100);
		assertThat(this.raw.await((r) -> device.equals(r.key()), 100, Duration.ofSeconds(30))).hasSize(100);
	}

	@Test
	void acceptsNdjsonAndGzip() {
		String device = Events.deviceId();
		String ndjson = Events.click(device) + "\n" + Events.click(device) + "\r\n\n" + Events.click(device) + "\n";

		Reply plain = this.client.post("application/x-ndjson", ndjson);
		Reply gzipped = this.client.post("application/x-ndjson", "gzip",
				IngestClient.gzip(ndjson.getBytes(StandardCharsets.UTF_8)));

		assertThat(plain.status()).isEqualTo(202);
		assertThat(plain.json().get("accepted").asInt()).isEqualTo(3);
		assertThat(gzipped.status()).isEqualTo(202);
		assertThat(this.raw.await((r) -> device.equals(r.key()), 6, Duration.ofSeconds(30))).hasSize(6);
	}

	@Test
	void reportsEachInvalidEventAndWritesOnlyTheValidOnes() {
		String device = Events.deviceId();
		String body = Events.array(Events.click(device),
				"{\"eventId\": \"bad-1\", \"type\": \"play_start\", \"timestamp\": 1, \"deviceId\": \"" + device
						+ "\"}",
				Events.playStart(device, "s1", "t1"), "42");

		Reply reply = this.client.json(body);

		assertThat(reply.status()).isEqualTo(207);
		JsonNode json = reply.json();
		assertThat(json.get("accepted").asInt()).isEqualTo(2);
		assertThat(json.get("rejected").asInt()).isEqualTo(2);
		assertThat(json.get("failed").asInt()).isZero();
		JsonNode first = json.get("errors").get(0);
		assertThat(first.get("index").asInt()).isEqualTo(1);
		assertThat(first.get("eventId").asText()).isEqualTo("bad-1");
		assertThat(first.get("status").asText()).isEqualTo("invalid");
		assertThat(first.get("problems").toString()).contains("\"field\":\"sessionId\"", "required for type play_start",
				"\"field\":\"titleId\"");
		assertThat(json.get("errors").get(1).get("index").asInt()).isEqualTo(3);
		assertThat(this.raw.drain((r) -> device.equals(r.key()), Duration.ofSeconds(2))).hasSize(2)
			.noneMatch((r) -> r.value().contains("bad-1"));
	}

	@Test
	void reportsAnUnparseableNdjsonLineAsThatEventOnly() {
		String device = Events.deviceId();

		Reply reply = this.client.post("application/x-ndjson", Events.click(device) + "\n{\"type\": oops}\n");

		assertThat(reply.status()).isEqualTo(207);
		assertThat(reply.json().get("errors").get(0).get("index").asInt()).isEqualTo(1);
		assertThat(reply.json().get("errors").get(0).get("problems").get(0).get("message").asText()).contains("line 1");
	}

	@Test
	void answersBadRequestWithEveryProblemWhenNoEventIsValid() {
		Reply reply = this.client.json("[{\"type\": \"nope\"}, {\"deviceId\": \"d\"}]");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode problem = reply.json();
		assertThat(problem.get("type").asText()).endsWith("/invalid-events");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("title").asText()).isNotBlank();
		assertThat(problem.get("errors")).hasSize(2);
		assertThat(problem.get("errors").get(1).get("problems").toString()).contains("\"field\":\"type\"",
				"\"field\":\"timestamp\"");
	}

	@Test
	void refusesMoreThanFiveHundredEvents() {
		String device = Events.deviceId();
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 501; i++) {
			events.add(Events.click(device));
		}

		Reply reply = this.client.json("[" + String.join(",", events) + "]");

		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.json().get("detail").asText()).contains("501 events", "500");
		assertThat(this.raw.drain((r) -> device.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
	}

	@Test
	void refusesBodiesOverOneMebibyteEvenWhenCompressed() {
		byte[] huge = ("[" + "{\"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"d\"},".repeat(30_000) + "{}]")
			.getBytes(StandardCharsets.UTF_8);
		byte[] bomb = IngestClient.gzip(new byte[64 * 1024 * 1024]);

		assertThat(this.client.post("application/json", null, huge).status()).isEqualTo(413);
		assertThat(bomb.length).isLessThan(1024 * 1024);
		Reply exploded = this.client.post("application/json", "gzip", bomb);
		assertThat(exploded.status()).isEqualTo(413);
		assertThat(exploded.json().get("detail").asText()).contains("after decompression");
	}

	@Test
	void refusesOtherMediaTypesAndEncodings() {
		Reply text = this.client.post("text/plain", "hello");
		Reply brotli = this.client.post("application/json", "br", "{}".getBytes(StandardCharsets.UTF_8));

		assertThat(text.status()).isEqualTo(415);
		assertThat(text.contentType()).startsWith("application/problem+json");
		assertThat(brotli.status()).isEqualTo(415);
		assertThat(brotli.json().get("detail").asText()).contains("br");
	}

}
