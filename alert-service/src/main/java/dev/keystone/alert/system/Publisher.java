package dev.keystone.alert.system;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * Writes what a request changes (an action, a silence, the rules) to its topic and
 * answers only once Kafka has it; Kafka away is a 503 the caller may retry.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private final KafkaTemplate<String, String> kafka;

	Publisher(KafkaTemplate<String, String> kafka) {
		this.kafka = kafka;
	}

	public void publish(String topic, String key, String value) {
		try {
			this.kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw ApiException.unavailable("interrupted while writing to Kafka; retry");
		}
		catch (ExecutionException | TimeoutException ex) {
			log.warn("could not write to {}: {}", topic, ex.toString());
			throw ApiException.unavailable("Kafka is not reachable; nothing was changed, retry shortly");
		}
	}

}
