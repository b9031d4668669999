package dev.keystone.ingest.segment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.keystone.events.EventJson;
import dev.keystone.ingest.events.IngestRejection;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SegmentBatchReaderTests {

	private final SegmentBatchReader reader = new SegmentBatchReader(EventJson.newMapper());

	@Test
	void readsEachMessageWithTheSizeOfItsTextAndTheBatchClockWhereverItStands() {
		String first = "{\"type\":\"page\",\"anonymousId\":\"a1\"}";
		String second = "{\"type\": \"track\", \"event\": \"Ünïcode\", \"anonymousId\": \"a2\"}";
		SegmentBatch batch = read("{\"context\": {\"x\": [1, {\"y\": 2}]}, \"batch\": [" + first + ",\n  " + second
				+ "], \"sentAt\": \"2025-01-31T20:15:10.000Z\", \"writeKey\": null}");

		assertThat(batch.messages()).hasSize(2);
		assertThat(batch.messages().get(0).bytes()).isEqualTo(first.getBytes(StandardCharsets.UTF_8).length);
		assertThat(batch.messages().get(1).bytes()).isEqualTo(second.getBytes(StandardCharsets.UTF_8).length);
		assertThat(batch.messages().get(1).json().get("event").textValue()).isEqualTo("Ünïcode");
		assertThat(batch.sentAt()).isEqualTo(Instant.parse("2025-01-31T20:15:10Z"));
	}

	@Test
	void takesEpochMillisecondsOrNoSentAt() {
		assertThat(read("{\"sentAt\": 1738354510000, \"batch\": [{}]}").sentAt())
			.isEqualTo(Instant.parse("2025-01-31T20:15:10Z"));
		assertThat(read("{\"batch\": [{}]}").sentAt()).isNull();
		assertThat(read("{\"batch\": [{}], \"sentAt\": null}").sentAt()).isNull();
	}

	@Test
	void keepsMessagesThatAreNotObjectsForTheMapperToRefuseByIndex() {
		assertThat(read("{\"batch\": [1, \"x\", {}]}").messages()).hasSize(3);
	}

	@Test
	void refusesBodiesThatAreNotABatchNamingTheProblem() {
		assertMalformed("[{}]", "the body must be an object with a \"batch\" array of messages");
		assertMalformed("{\"messages\": []}", "the body must be an object with a \"batch\" array of messages");
		assertMalformed("{\"batch\": {}}", "the body must be an object with a \"batch\" array of messages");
		assertMalformed("{\"batch\": []}", "\"batch\" holds no message");
		assertMalformed("{\"batch\": [{}], \"sentAt\": \"soon\"}", "\"sentAt\" must be an ISO-8601 date-time");
		assertMalformed("{\"batch\": [{}]} {}", "unexpected content after the batch object");
		assertMalformed("{\"batch\": [{}], \"batch\": [{}]}", "batch");
		assertMalformed("{\"batch\": [{\"a\": }]}", "");
	}

	private SegmentBatch read(String body) {
		return this.reader.read(body.getBytes(StandardCharsets.UTF_8));
	}

	private void assertMalformed(String body, String detail) {
		assertThatExceptionOfType(IngestRejection.class).isThrownBy(() -> read(body))
			.satisfies((rejection) -> assertThat(rejection.getBody().getDetail()).contains(detail));
	}

}
