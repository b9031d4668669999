package dev.keystone.routing.sink;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.Rejection;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends a record no store will ever take to {@code events.rejected}, with the reason,
 * before the batch that held it is committed; the binding is synchronous, so a rejection
 * is never lost with its offset.
 */
public class RejectionPublisher {

	public static final String BINDING = "rejected-out-0";

	private final StreamBridge bridge;

	private final ObjectMapper mapper;

	private final Clock clock;

	public RejectionPublisher(StreamBridge bridge, ObjectMapper mapper, Clock clock) {
		this.bridge = bridge;
		this.mapper = mapper;
		this.clock = clock;
	}

	public void reject(String key, String reason, String detail, JsonNode original) {
		Rejection rejection = new Rejection(reason, detail, "routing", this.clock.instant(), original);
		byte[] value = EventJson.writeBytes(this.mapper, rejection);
		boolean sent = this.bridge.send(BINDING,
				MessageBuilder.withPayload(value).setHeader(KafkaHeaders.KEY, (key != null) ? key : "").build());
		if (!sent) {
			throw new StoreUnavailableException("events.rejected did not take a rejection", null);
		}
	}

}
