package dev.keystone.ingest.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import dev.keystone.events.EventJson;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventBatchReaderTests {

	private final EventBatchReader reader = new EventBatchReader(EventJson.newMapper(), new IngestLimits(3,
			DataSize.ofBytes(200), DataSize.ofMegabytes(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));

	@Test
	void readsOneEventObject() throws IOException {
		EventBatch batch = this.reader.read(body("{\"eventId\":\"e1\"}"), false, null);

		assertThat(batch.items()).singleElement().satisfies((item) -> {
			assertThat(item.index()).isZero();
			assertThat(item.json().path("eventId").asText()).isEqualTo("e1");
		});
		assertThat(batch.bytes()).isEqualTo(16);
	}

	@Test
	void readsAnArrayOfEventsInOrder() throws IOException {
		EventBatch batch = this.reader.read(body("[{\"eventId\":\"e1\"},{\"eventId\":\"e2\"}]"), false, "identity");

		assertThat(batch.items()).extracting((item) -> item.json().path("eventId").asText())
			.containsExactly("e1", "e2");
	}

	@Test
	void costsOneEventNotTheRequestForAnNdjsonLineThatDoesNotParse() throws IOException {
		EventBatch batch = this.reader.read(body("{\"eventId\":\"e1\"}\r\n\n{broken\n{\"eventId\":\"e3\"}\n"), true,
				null);

		assertThat(batch.items()).hasSize(3);
		assertThat(batch.items().get(0).json().path("eventId").asText()).isEqualTo("e1");
		assertThat(batch.items().get(1).json()).isNull();
		assertThat(batch.items().get(1).index()).isEqualTo(1);
		assertThat(batch.items().get(1).problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.field()).isEmpty());
		assertThat(batch.items().get(2).json().path("eventId").asText()).isEqualTo("e3");
	}

	@Test
	void readsAGzipBody() throws IOException {
		EventBatch batch = this.reader.read(new ByteArrayInputStream(gzip("{\"eventId\":\"e1\"}")), false, " GZIP ");

		assertThat(batch.items()).singleElement()
			.satisfies((item) -> assertThat(item.json().path("eventId").asText()).isEqualTo("e1"));
	}

	@Test
	void refusesAnEmptyBody() {
		assertRejected(() -> this.reader.read(body("  \n "), false, null), HttpStatus.BAD_REQUEST,
				"the body is empty; send an event, an array of events, or NDJSON");
	}

	@Test
	void refusesJsonThatIsNeitherAnEventNorAnArray() {
		assertRejected(() -> this.reader.read(body("42"), false, null), HttpStatus.BAD_REQUEST,
				"the body must be an event object or an array of events");
	}

	@Test
	void refusesAnEmptyArray() {
		assertRejected(() -> this.reader.read(body("[]"), false, null), HttpStatus.BAD_REQUEST,
				"the request holds no event");
	}

	@Test
	void refusesMoreEventsThanARequestMayHold() {
		assertRejected(() -> this.reader.read(body("[{},{},{},{}]"), false, null), HttpStatus.PAYLOAD_TOO_LARGE,
				"the request holds 4 events; at most 3 are allowed per request");
	}

	@Test
	void refusesABodyThatInflatesPastTheLimit() throws IOException {
		byte[] bomb = gzip("[" + " ".repeat(10_000) + "]");

		assertThat(bomb.length).isLessThan(200);
		assertRejected(() -> this.reader.read(new ByteArrayInputStream(bomb), false, "gzip"),
				HttpStatus.PAYLOAD_TOO_LARGE,
				"the body exceeds 200 bytes (after decompression); split it into several requests");
	}

	@Test
	void refusesABodyThatClaimsGzipButIsNot() {
		assertRejected(() -> this.reader.read(body("{\"eventId\":\"e1\"}"), false, "gzip"), HttpStatus.BAD_REQUEST,
				"Content-Encoding is gzip but the body is not gzip data");
	}

	@Test
	void refusesATruncatedGzipBody() throws IOException {
		byte[] whole = gzip("{\"eventId\":\"e1\"}");
		byte[] truncated = Arrays.copyOf(whole, whole.length - 6);

		assertRejected(() -> this.reader.read(new ByteArrayInputStream(truncated), false, "gzip"),
				HttpStatus.BAD_REQUEST, "the gzip body is corrupt or truncated");
	}

	@Test
	void refusesAGzipBodyCutShortInsideItsHeader() throws IOException {
		byte[] header = Arrays.copyOf(gzip("{\"eventId\":\"e1\"}"), 4);

		assertRejected(() -> this.reader.read(new ByteArrayInputStream(header), false, "gzip"), HttpStatus.BAD_REQUEST,
				"the gzip body is corrupt or truncated");
		assertRejected(() -> this.reader.read(new ByteArrayInputStream(new byte[0]), false, "gzip"),
				HttpStatus.BAD_REQUEST, "the gzip body is corrupt or truncated");
	}

	@Test
	void refusesAnEncodingItCannotDecode() {
		assertRejected(() -> this.reader.read(body("{}"), false, "br"), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Encoding 'br' is not supported; send identity or gzip");
	}

	@Test
	void readsAnotherFormatsBodyAsOneDocument() throws IOException {
		EventBatchReader.Document document = this.reader.readDocument(body("{\"batch\":[]}"), null, 100);

		assertThat(document.json().has("batch")).isTrue();
		assertThat(document.bytes()).isEqualTo(12);
	}

	private static InputStream body(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] gzip(String text) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(text.getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static void assertRejected(ThrowingRead read, HttpStatus status, String detail) {
		assertThatThrownBy(read::run).isInstanceOfSatisfying(IngestRejection.class, (rejection) -> {
			assertThat(rejection.getStatusCode()).isEqualTo(status);
			assertThat(rejection.getBody().getDetail()).isEqualTo(detail);
		});
	}

	@FunctionalInterface
	private interface ThrowingRead {

		void run() throws IOException;

	}

}
