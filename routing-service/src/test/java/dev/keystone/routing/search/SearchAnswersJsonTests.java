package dev.keystone.routing.search;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search answers' JSON exactly as earlier releases wrote it from maps: the same keys
 * in the same order, written by the service's own object mapper.
 */
@JsonTest
class SearchAnswersJsonTests {

	static final Instant T0 = Instant.parse("2025-01-31T20:14:00Z");

	@Autowired
	ObjectMapper mapper;

	@Test
	void writesAPageOfEventsAsBefore() throws Exception {
		ObjectNode event = this.mapper.createObjectNode().put("eventId", "e1").put("type", "play_start");

		assertThat(this.mapper.writeValueAsString(new EventPage(1234, 2, 50, List.of(event)))).isEqualTo(
				"{\"total\":1234,\"page\":2,\"size\":50,\"events\":[{\"eventId\":\"e1\",\"type\":\"play_start\"}]}");
	}

	@Test
	void writesAHistogramAsBefore() throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("play_start", 9L);
		counts.put("pause", 3L);
		Histogram histogram = new Histogram("1m", "type", T0, T0.plusSeconds(120),
				List.of(new Histogram.Bucket(T0, 12, counts), new Histogram.Bucket(T0.plusSeconds(60), 0, Map.of())));

		assertThat(this.mapper.writeValueAsString(histogram))
			.isEqualTo("{\"interval\":\"1m\",\"groupBy\":\"type\",\"from\":\"2025-01-31T20:14:00Z\","
					+ "\"to\":\"2025-01-31T20:16:00Z\",\"buckets\":[{\"start\":\"2025-01-31T20:14:00Z\",\"total\":12,"
					+ "\"counts\":{\"play_start\":9,\"pause\":3}},{\"start\":\"2025-01-31T20:15:00Z\",\"total\":0,"
					+ "\"counts\":{}}]}");
	}

	@Test
	void writesAPageOfAnomaliesAsBefore() throws Exception {
		ObjectNode anomaly = this.mapper.createObjectNode().put("anomalyId", "a1").put("severity", "high");

		assertThat(this.mapper.writeValueAsString(new AnomalyPage(0, List.of())))
			.isEqualTo("{\"total\":0,\"anomalies\":[]}");
		assertThat(this.mapper.writeValueAsString(new AnomalyPage(1, List.of(anomaly))))
			.isEqualTo("{\"total\":1,\"anomalies\":[{\"anomalyId\":\"a1\",\"severity\":\"high\"}]}");
	}

}
