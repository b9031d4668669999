package dev.keystone.ingest.events;

import java.io.IOException;
import java.io.InputStream;

import dev.keystone.events.http.KeystoneHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/events}: 202 when every event is written, 207 when some are not,
 * problem+json otherwise.
 */
@RestController
class EventsController {

	static final String NDJSON = "application/x-ndjson";

	private final EventBatchReader reader;

	private final EventIntake intake;

	EventsController(EventBatchReader reader, EventIntake intake) {
		this.reader = reader;
		this.intake = intake;
	}

	@PostMapping(path = "/v1/events", consumes = { MediaType.APPLICATION_JSON_VALUE, NDJSON },
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IngestResponse> ingest(InputStream body,
			@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
			@RequestHeader(value = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding)
			throws IOException {
		boolean ndjson = contentType.isCompatibleWith(MediaType.parseMediaType(NDJSON));
		EventBatch batch = this.reader.read(body, ndjson, contentEncoding);
		IngestResponse response = this.intake.ingest(batch);
		HttpStatus status = response.errors().isEmpty() ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS;
		return ResponseEntity.status(status)
			.header(KeystoneHeaders.EVENT_COUNT, String.valueOf(batch.items().size()))
			.body(response);
	}

}
