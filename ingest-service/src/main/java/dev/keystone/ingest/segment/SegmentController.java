package dev.keystone.ingest.segment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.events.http.KeystoneHeaders;
import dev.keystone.ingest.events.EventBatch;
import dev.keystone.ingest.events.EventBatchReader;
import dev.keystone.ingest.events.EventIntake;
import dev.keystone.ingest.events.IngestRejection;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Segment's tracking API: {@code POST /v1/batch} and the single calls {@code /v1/track},
 * {@code /v1/page}, {@code /v1/screen}, {@code /v1/identify} (and {@code /v1/group},
 * {@code /v1/alias}, which Segment's browser SDK also sends). A call is accepted whole
 * ({@code 200 {"success": true}} once every event is on Kafka) or not at all: Segment's
 * SDKs read only success or failure, so a half-accepted batch would lose its invalid
 * events without anyone noticing.
 */
@RestController
class SegmentController {

	private static final Map<String, Boolean> SUCCESS = Map.of("success", true);

	private final EventBatchReader reader;

	private final SegmentBatchReader batchReader;

	private final EventIntake intake;

	private final SegmentLimits limits;

	private final Clock clock;

	SegmentController(EventBatchReader reader, SegmentBatchReader batchReader, EventIntake intake, SegmentLimits limits,
			Clock clock) {
		this.reader = reader;
		this.batchReader = batchReader;
		this.intake = intake;
		this.limits = limits;
		this.clock = clock;
	}

	@PostMapping(path = "/v1/batch", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Boolean>> batch(InputStream body,
			@RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
			throws IOException {
		Instant receivedAt = this.clock.instant();
		SegmentBatch batch = this.batchReader
			.read(this.reader.readBody(body, contentEncoding, this.limits.maxBatchSize().toBytes()));
		List<EventBatch.Item> items = new ArrayList<>(batch.messages().size());
		for (int i = 0; i < batch.messages().size(); i++) {
			SegmentBatch.Message message = batch.messages().get(i);
			checkSize(i, message.json(), message.bytes());
			items.add(SegmentMapper.map(i, message.json(), null, batch.sentAt(), receivedAt));
		}
		return ingest(new EventBatch(items, batch.bytes()));
	}

	@PostMapping(path = "/v1/{call:track|page|screen|identify|group|alias}",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Boolean>> single(@PathVariable String call, InputStream body,
			@RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
			throws IOException {
		Instant receivedAt = this.clock.instant();
		EventBatchReader.Document document = read(body, contentEncoding);
		checkSize(0, document.json(), document.bytes());
		EventBatch.Item item = SegmentMapper.map(0, document.json(), call, null, receivedAt);
		return ingest(new EventBatch(List.of(item), document.bytes()));
	}

	private EventBatchReader.Document read(InputStream body, String contentEncoding) throws IOException {
		return this.reader.readDocument(body, contentEncoding, this.limits.maxBatchSize().toBytes());
	}

	private ResponseEntity<Map<String, Boolean>> ingest(EventBatch batch) {
		int written = this.intake.ingestAll(batch, SegmentMapper.FIELD_NAMES);
		return ResponseEntity.ok().header(KeystoneHeaders.EVENT_COUNT, String.valueOf(written)).body(SUCCESS);
	}

	/**
	 * Measured as the message's JSON text, which is what the SDKs measure before they
	 * send; the text as it stands in the body is never shorter, so only a message whose
	 * text is over the limit is measured again.
	 */
	private void checkSize(int index, JsonNode message, long bytesInBody) {
		long max = this.limits.maxMessageSize().toBytes();
		if (bytesInBody > max && message.toString().length() > max) {
			throw IngestRejection.tooLarge("message " + index + " is larger than " + max + " bytes");
		}
	}

}
