package dev.keystone.testkit;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.datastax.oss.driver.api.core.CqlSession;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KeystoneStackExtension.class)
class ServerRestartIT {

	@Test
	void kafkaKeepsTopicsAndRecordsAcrossARestart(KeystoneStack stack) throws Exception {
		String marker = UUID.randomUUID().toString();
		try (KafkaProducer<String, String> producer = KafkaRoundTripIT.TestClients.producer(stack)) {
			producer.send(new ProducerRecord<>("events.raw", "d1", marker + "-before")).get();
		}

		stack.stop(Server.KAFKA);
		try {
			assertThat(Endpoint.accepts(stack.kafkaBootstrapServers())).isFalse();
		}
		finally {
			stack.start(Server.KAFKA);
		}

		try (KafkaProducer<String, String> producer = KafkaRoundTripIT.TestClients.producer(stack)) {
			producer.send(new ProducerRecord<>("events.raw", "d1", marker + "-after")).get();
		}
		assertThat(KafkaRoundTripIT.TestClients.readAll(stack, "events.raw", marker, 2))
			.extracting((record) -> record.value())
			.containsExactly(marker + "-before", marker + "-after");
	}

	@Test
	void cassandraServesAgainAfterARestart(KeystoneStack stack) {
		stack.stop(Server.CASSANDRA);
		try {
			assertThat(Endpoint.accepts(stack.cassandraContactPoint())).isFalse();
		}
		finally {
			stack.start(Server.CASSANDRA);
		}

		try (CqlSession session = CassandraRoundTripIT.session(stack)) {
			List<String> versions = session.execute("SELECT release_version FROM system.local")
				.all()
				.stream()
				.map((row) -> row.getString(0))
				.toList();
			assertThat(versions).singleElement().asString().startsWith("5.0");
		}
	}

	@Test
	void elasticsearchServesAgainAfterARestart(KeystoneStack stack) throws Exception {
		stack.stop(Server.ELASTICSEARCH);
		try {
			assertThat(ElasticsearchHealth.status(stack, Duration.ofSeconds(2))).isEqualTo("unreachable");
		}
		finally {
			stack.start(Server.ELASTICSEARCH);
		}

		assertThat(ElasticsearchHealth.status(stack, Duration.ofSeconds(10))).isIn("green", "yellow");
	}

}
