package dev.keystone.recommendation.state;

import java.nio.charset.StandardCharsets;

import dev.keystone.recommendation.system.StoredJson;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Records between the service's own tasks, as JSON, with the type known at both ends
 * rather than carried in headers.
 */
public final class JsonSerde<T> implements Serde<T> {

	private final StoredJson json;

	private final Class<T> type;

	public JsonSerde(StoredJson json, Class<T> type) {
		this.json = json;
		this.type = type;
	}

	@Override
	public Serializer<T> serializer() {
		return (topic, value) -> (value != null) ? this.json.write(value).getBytes(StandardCharsets.UTF_8) : null;
	}

	@Override
	public Deserializer<T> deserializer() {
		return (topic, bytes) -> (bytes != null) ? this.json.read(new String(bytes, StandardCharsets.UTF_8), this.type)
				: null;
	}

}
