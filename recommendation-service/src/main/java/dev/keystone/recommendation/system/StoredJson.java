package dev.keystone.recommendation.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;

/**
 * The JSON form of the records kept in stores and sent between the service's own tasks
 * and instances: written by this service only, so a value that does not read is a bug.
 */
public final class StoredJson {

	private final ObjectMapper mapper;

	public StoredJson(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	public static StoredJson standard() {
		return new StoredJson(EventJson.newMapper());
	}

	public ObjectMapper mapper() {
		return this.mapper;
	}

	public String write(Object value) {
		return EventJson.write(this.mapper, value);
	}

	public <T> T read(String json, Class<T> type) {
		try {
			return this.mapper.readValue(json, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("a stored " + type.getSimpleName() + " always reads", ex);
		}
	}

}
