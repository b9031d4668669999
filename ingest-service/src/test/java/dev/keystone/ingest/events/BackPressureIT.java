package dev.keystone.ingest.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.keystone.events.Topics;
import dev.keystone.ingest.IngestClient;
import dev.keystone.ingest.IngestClient.Reply;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.TopicProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a tiny in-flight bound, concurrent batches are pushed back with 429 instead of
 * queued, and every batch that was accepted is on the topic in full.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "keystone.ingest.max-in-flight=4KB")
class BackPressureIT {

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@Test
	void pushesBackWithTooManyRequestsAndLosesNothingAccepted() throws Exception {
		IngestClient client = new IngestClient(this.port);
		String device = Events.deviceId();
		List<Callable<Reply>> requests = new ArrayList<>();
		for (int r = 0; r < 40; r++) {
			List<String> events = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				events.add(Events.playStart(device, "s" + r, "t" + i));
			}
			String body = "[" + String.join(",", events) + "]";
			requests.add(() -> client.json(body));
		}
		List<Reply> replies = new ArrayList<>();
		try (TopicProbe raw = TopicProbe.from(KeystoneStack.shared(), Topics.EVENTS_RAW)) {
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				for (Future<Reply> reply : pool.invokeAll(requests)) {
					replies.add(reply.get());
				}
			}
			finally {
				pool.shutdown();
			}

			assertThat(replies).extracting(Reply::status).containsOnly(202, 429).contains(429);
			assertThat(replies).filteredOn((reply) -> reply.status() == 429)
				.allSatisfy((reply) -> assertThat(reply.retryAfter()).isEqualTo("1"));
			long accepted = replies.stream().filter((reply) -> reply.status() == 202).count();
			assertThat(raw.drain((r) -> device.equals(r.key()), Duration.ofSeconds(3))).hasSize((int) accepted * 50);
		}
	}

}
