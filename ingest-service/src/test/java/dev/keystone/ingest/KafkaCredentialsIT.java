package dev.keystone.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.keystone.testkit.SaslKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Ingest on a broker that only lets authenticated clients in, configured through the
 * credential variables (the README's "Credentials") alone: it creates its topics and
 * writes accepted events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaCredentialsIT {

	private static final SaslKafka kafka = SaslKafka.start();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void credentials(DynamicPropertyRegistry registry) {
		registry.add("KAFKA_BOOTSTRAP_SERVERS", kafka::bootstrapServers);
		registry.add("KAFKA_SECURITY_PROTOCOL", () -> "SASL_PLAINTEXT");
		registry.add("KAFKA_SASL_MECHANISM", () -> "PLAIN");
		registry.add("KAFKA_SASL_USERNAME", () -> SaslKafka.USERNAME);
		registry.add("KAFKA_SASL_PASSWORD", () -> SaslKafka.PASSWORD);
	}

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void writesAcceptedEventsToABrokerThatRequiresALogin() {
		String deviceId = "sasl-" + UUID.randomUUID();
		String event = """
				{"type": "click", "timestamp": %d, "deviceId": "%s"}""".formatted(System.currentTimeMillis(), deviceId);

		IngestClient.Reply reply = new IngestClient(this.port).json(event);

		assertThat(reply.status()).as(reply.body()).isEqualTo(202);
		Map<String, Object> consumer = new HashMap<>(kafka.clientProperties());
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-probe-" + UUID.randomUUID());
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		try (KafkaConsumer<String, String> probe = new KafkaConsumer<>(consumer, new StringDeserializer(),
				new StringDeserializer())) {
			probe.subscribe(List.of("events.raw"));
			List<String> keys = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				probe.poll(Duration.ofMillis(500)).forEach((record) -> keys.add(record.key()));
				assertThat(keys).contains(deviceId);
			});
		}
	}

	@Test
	void brokerTurnsAwayClientsWithoutCredentials() {
		try (Admin anonymous = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				2000))) {
			assertThatException().isThrownBy(() -> anonymous.listTopics().names().get());
		}
	}

}
