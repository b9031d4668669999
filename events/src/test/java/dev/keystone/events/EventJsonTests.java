package dev.keystone.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTests {

	private static final Instant T0 = Instant.parse("2025-01-31T20:15:00Z");

	private final ObjectMapper mapper = EventJson.newMapper();

	private final Event event = new Event("e1", EventType.BUFFERING_START, T0, "d1", DeviceType.PHONE, "p1", "s1", "t1",
			1200L, "US", "7.1", Map.of("cdn", "edge-3"), T0.plusSeconds(1), "i1");

	@Test
	void roundTripsEvent() throws Exception {
		String json = this.mapper.writeValueAsString(this.event);

		assertThat(json).contains("\"type\":\"buffering_start\"", "\"deviceType\":\"phone\"",
				"\"timestamp\":\"2025-01-31T20:15:00Z\"");
		assertThat(this.mapper.readValue(json, Event.class)).isEqualTo(this.event);
	}

	@Test
	void roundTripsEnrichedEventKeepingNullTitle() throws Exception {
		EnrichedEvent known = EnrichedEvent.of(this.event, new Title("t1", "Dark", List.of("drama"), 1L, 2017).ref(),
				T0.plusSeconds(2));
		EnrichedEvent unknown = EnrichedEvent.of(this.event, null, T0.plusSeconds(2));

		assertThat(roundTrip(known, EnrichedEvent.class)).isEqualTo(known);
		assertThat(known.deviceClass()).isEqualTo(DeviceClass.MOBILE);
		assertThat(this.mapper.writeValueAsString(unknown)).contains("\"title\":null", "\"deviceClass\":\"mobile\"");
		assertThat(roundTrip(unknown, EnrichedEvent.class)).isEqualTo(unknown);
	}

	@Test
	void flagsLateEnrichedEventsAndLeavesTheFlagOutOtherwise() throws Exception {
		EnrichedEvent late = EnrichedEvent.of(this.event, null, T0.plusSeconds(2), true);
		EnrichedEvent onTime = EnrichedEvent.of(this.event, null, T0.plusSeconds(2), false);

		assertThat(this.mapper.writeValueAsString(late)).contains("\"late\":true");
		assertThat(this.mapper.writeValueAsString(onTime)).doesNotContain("late");
		assertThat(roundTrip(late, EnrichedEvent.class)).isEqualTo(late);
	}

	@Test
	void roundTripsTitleRejectionViewerCountAnomalyAndAlert() throws Exception {
		JsonNode original = this.mapper.readTree("{\"type\": \"nope\"}");
		List<Object> records = List.of(new Title("t1", "Dark", List.of("drama", "sci-fi"), 3_000_000L, 2017),
				new Rejection("invalid", "type: must be one of ...", "processing", T0, original),
				new ViewerCount("t1", "10s", T0, T0.plusSeconds(10), 42, 317),
				new Anomaly("a1", "error_rate", "title:t1", T0, T0.plusSeconds(60), 0.4, 0.02, 7.5, Severity.HIGH, T0),
				new Alert("al1", "error_rate:title:t1", "error_rate", "title:t1", Alert.State.ACKNOWLEDGED,
						Severity.CRITICAL, "errors on t1", List.of("a1"), 1, T0, T0, T0, T0.plusSeconds(5), "ops",
						T0.plusSeconds(5), null, null, null, new Alert.Figures(0.4, 0.02, 7.5),
						Alert.Transition.ACKNOWLEDGED));

		for (Object value : records) {
			assertThat(roundTrip(value, value.getClass())).isEqualTo(value);
		}
		assertThat(this.mapper.writeValueAsString(records.get(4)))
			.contains("\"state\":\"acknowledged\"", "\"severity\":\"critical\"", "\"transition\":\"acknowledged\"")
			.doesNotContain("resolvedAt");
	}

	@Test
	void anomalyKeyIsMetricAndScope() {
		Anomaly anomaly = new Anomaly("a1", "crashes", "country:DE", T0, T0, 1, 1, 1, Severity.LOW, T0);

		assertThat(anomaly.key()).isEqualTo("crashes:country:DE");
	}

	@Test
	void refusesDuplicateKeysAndDeepNesting() {
		assertThatThrownBy(() -> this.mapper.readTree("{\"a\": 1, \"a\": 2}"))
			.isInstanceOf(JsonProcessingException.class)
			.hasMessageContaining("Duplicate field 'a'");
		String deep = "[".repeat(EventJson.MAX_NESTING_DEPTH + 1) + "]".repeat(EventJson.MAX_NESTING_DEPTH + 1);
		assertThatThrownBy(() -> this.mapper.readTree(deep)).isInstanceOf(JsonProcessingException.class)
			.hasMessageContaining("nesting depth");
	}

	private <T> T roundTrip(Object value, Class<T> type) throws JsonProcessingException {
		return this.mapper.readValue(this.mapper.writeValueAsString(value), type);
	}

	@Test
	void writesTheSameJsonAsTextAndAsBytes() {
		String text = EventJson.write(this.mapper, this.event);
		byte[] bytes = EventJson.writeBytes(this.mapper, this.event);

		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(text);
		assertThat(text).contains("\"eventId\":\"e1\"", "\"timestamp\":\"2025-01-31T20:15:00Z\"");
	}

}
