package dev.keystone.routing.replay;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Publishes replayed events to {@code events.replay}, keyed by device as on
 * {@code events.enriched}, each acknowledged by Kafka before the next batch.
 */
class TopicTarget implements ReplayTarget {

	static final String BINDING = "replay-out-0";

	private final StreamBridge bridge;

	TopicTarget(StreamBridge bridge) {
		this.bridge = bridge;
	}

	@Override
	public int write(List<ObjectNode> events) {
		for (ObjectNode event : events) {
			boolean sent = this.bridge.send(BINDING,
					MessageBuilder.withPayload(event.toString())
						.setHeader(KafkaHeaders.KEY, event.path("deviceId").asText(""))
						.build());
			if (!sent) {
				throw new IllegalStateException("events.replay did not take event " + event.path("eventId").asText());
			}
		}
		return events.size();
	}

}
