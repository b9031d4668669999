package dev.keystone.routing.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How enriched events and anomalies become search documents, and which records are
 * refused for good.
 */
class DocumentMappingTests {

	final ObjectMapper mapper = EventJson.newMapper();

	final EventDocuments events = new EventDocuments(this.mapper);

	final AnomalyDocuments anomalies = new AnomalyDocuments(this.mapper);

	@Test
	void indexesAnEventByTheDayOfItsEventTimeUnderItsId() {
		DocumentMapper.Mapped mapped = this.events.map("""
				{"eventId":"e1","type":"play_start","timestamp":"2025-01-31T23:59:59.999Z","deviceId":"d1"}""");

		assertThat(mapped.refusal()).isNull();
		assertThat(mapped.key()).isEqualTo("e1");
		assertThat(mapped.document().index()).isEqualTo("keystone-events-2025.01.31");
		assertThat(mapped.document().id()).isEqualTo("e1");
		assertThat(mapped.document().original().has("searchText")).isFalse();
	}

	@Test
	void gathersEveryValueWorthFreeTextSearchIntoOneField() {
		DocumentMapper.Mapped mapped = this.events.map("""
				{"eventId":"e1","type":"play_start","timestamp":"2025-01-31T20:15:00Z","deviceId":"d1",
				 "country":"DE","title":{"name":"Arrival","genres":["drama","sci-fi"]},
				 "properties":{"cdn":"edge-3","player":{"codec":"av1"},"tags":["hdr",4]}}""");

		assertThat(mapped.document().source().path("searchText").asText())
			.isEqualTo("e1 play_start d1 DE Arrival drama sci-fi cdn edge-3 player codec av1 tags hdr 4");
		assertThat(mapped.document().source().path("title").path("name").asText()).isEqualTo("Arrival");
	}

	@Test
	void refusesWhatCanNeverBeAnEventDocument() {
		assertThat(this.events.map("{broken").refusal()).startsWith("not JSON: ");
		assertThat(this.events.map("[1,2]").refusal()).isEqualTo("not a JSON object");
		assertThat(this.events.map("{\"timestamp\":\"2025-01-31T20:15:00Z\"}").refusal()).isEqualTo("eventId missing");
		DocumentMapper.Mapped badTime = this.events.map("{\"eventId\":\"e1\",\"timestamp\":\"yesterday\"}");
		assertThat(badTime.refusal()).isEqualTo("timestamp is not an ISO-8601 instant");
		assertThat(badTime.key()).isEqualTo("e1");
		assertThat(badTime.original().path("timestamp").asText()).isEqualTo("yesterday");
	}

	@Test
	void storesAnAnomalyAsItIsUnderItsId() {
		DocumentMapper.Mapped mapped = this.anomalies.map("{\"anomalyId\":\"a1\",\"severity\":\"high\"}");

		assertThat(mapped.document().index()).isEqualTo("keystone-anomalies");
		assertThat(mapped.document().id()).isEqualTo("a1");
		assertThat(mapped.document().source()).isEqualTo(mapped.original());
		assertThat(this.anomalies.map("{\"severity\":\"high\"}").refusal()).isEqualTo("anomalyId missing");
		assertThat(this.anomalies.map("nope").refusal()).startsWith("not JSON: ");
	}

}
