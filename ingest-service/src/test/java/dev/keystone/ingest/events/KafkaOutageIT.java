package dev.keystone.ingest.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.keystone.events.Topics;
import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestClient.Reply;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.Server;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With the broker gone, requests fail fast with 503 and nothing is reported accepted that
 * is not on the topic.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaOutageIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Test
	void answersServiceUnavailableWithinTheBoundAndNeverClaimsWhatKafkaDoesNotHold() {
		KeystoneStack stack = KeystoneStack.shared();
		IngestClient client = new IngestClient(this.port);
		String device = Events.deviceId();
		List<String> acceptedIds = new ArrayList<>();
		try (TopicProbe raw = TopicProbe.from(stack, Topics.EVENTS_RAW)) {
			acceptedIds.addAll(send(client, device, 0));

			stack.stop(Server.KAFKA);
			List<Reply> during = new ArrayList<>();
			try {
				for (int i = 1; i <= 3; i++) {
					long started = System.nanoTime();
					Reply reply = client.json(batch(device, i));
					long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
					assertThat(seconds).as("seconds to answer while Kafka is down").isLessThanOrEqualTo(10);
					during.add(reply);
				}
			}
			finally {
				stack.start(Server.KAFKA);
			}

			assertThat(during).extracting(Reply::status).containsOnly(503);
			assertThat(during).allSatisfy((reply) -> {
				assertThat(reply.retryAfter()).isNotNull();
				assertThat(reply.contentType()).startsWith("application/problem+json");
			});
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> client.json(batch(device, 99)).status() == 202);
			acceptedIds.add("batch-99");

			List<ConsumerRecord<String, String>> onTopic = raw.drain((r) -> device.equals(r.key()),
					Duration.ofSeconds(5));
			for (String batch : List.of("batch-0", "batch-99")) {
				assertThat(onTopic).as(batch).anyMatch((r) -> r.value().contains(batch));
			}
		}
	}

	private static List<String> send(IngestClient client, String device, int batch) {
		Reply reply = client.json(batch(device, batch));
		assertThat(reply.status()).isEqualTo(202);
		return List.of("batch-" + batch);
	}

	private static String batch(String device, int batch) {
		List<String> events = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			events.add("{\"eventId\": \"batch-%d-%d\", \"type\": \"click\", \"timestamp\": 1, \"deviceId\": \"%s\"}"
				.formatted(batch, i, device));
		}
		return "[" + String.join(",", events) + "]";
	}

}
