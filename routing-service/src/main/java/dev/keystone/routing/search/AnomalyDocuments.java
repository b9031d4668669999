package dev.keystone.routing.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An anomaly is stored as it is, under its own id, in one index.
 */
class AnomalyDocuments implements DocumentMapper {

	private final ObjectMapper mapper;

	AnomalyDocuments(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public Mapped map(String record) {
		JsonNode anomaly;
		try {
			anomaly = this.mapper.readTree(record);
		}
		catch (JsonProcessingException ex) {
			return Mapped.refused(null, null, "not JSON: " + ex.getOriginalMessage());
		}
		String id = anomaly.path("anomalyId").asText("");
		if (id.isBlank()) {
			return Mapped.refused(null, anomaly, "anomalyId missing");
		}
		return Mapped.of(new BulkDocument(IndexSetup.ANOMALIES_INDEX, id, anomaly, anomaly));
	}

}
