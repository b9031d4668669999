package dev.keystone.ingest;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.Topics;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.KeystoneStackProperties;
import dev.keystone.testkit.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The setup every ingest integration test shares: the service on the shared stack, one
 * application context for all of them, a client that talks to it as a device would, and a
 * watch on {@code events.raw} from before the test sends anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IngestIntegrationTest {

	protected static final ObjectMapper MAPPER = new ObjectMapper();

	@LocalServerPort
	protected int port;

	protected IngestClient client;

	/** {@code events.raw} from the start of the test. */
	protected TopicProbe raw;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		KeystoneStackProperties.register(registry);
	}

	@BeforeEach
	void connectAndWatchRawTopic() {
		this.client = new IngestClient(this.port);
		this.raw = TopicProbe.from(KeystoneStack.shared(), Topics.EVENTS_RAW);
	}

	@AfterEach
	void closeRawTopic() {
		this.raw.close();
	}

	/** The one record of the device on {@code events.raw}, waiting for it if need be. */
	protected ConsumerRecord<String, String> onlyRecordOf(String device) {
		List<ConsumerRecord<String, String>> records = this.raw.await((r) -> device.equals(r.key()), 1,
				Duration.ofSeconds(30));
		assertThat(records).hasSize(1);
		return records.get(0);
	}

}
