package dev.keystone.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventValidator;
import dev.keystone.ingest.IngestClient;

/**
 * Generates requests to {@code POST /v1/events} from one seed, so a failing case can be
 * replayed: well-formed bodies of valid and broken events (whose right answer is worked
 * out here, independently of the service, by parsing the bytes sent and validating each
 * event), the same bodies damaged byte by byte, gzip in its right and wrong forms, gzip
 * bombs, and header abuse down to broken HTTP.
 */
final class RequestFuzzer {

	static final int MAX_EVENTS = 500;

	static final int MAX_BODY = 1024 * 1024;

	private static final String JSON = "application/json";

	private static final String NDJSON = "application/x-ndjson";

	/**
	 * Invalid UTF-8: stray continuation, overlong, surrogate, past U+10FFFF, truncated.
	 */
	private static final byte[][] BAD_UTF8 = { { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
			{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
			{ (byte) 0xE2, (byte) 0x82 }, { (byte) 0xFF }, { (byte) 0xFE, (byte) 0xFF }, { 0 } };

	private static final String[] TOKENS = { "{", "}", "[", "]", ",", ":", "\"", "null", "true", "1e999", "-",
			"\"type\"", "\"click\"", "\"timestamp\"", "1", "\"deviceId\"", "\"d\"", " ", "\n", "\\u0000", "NaN" };

	private final Random random;

	private final EventMutator events;

	private final ObjectMapper mapper = EventJson.newMapper();

	private final EventValidator validator = EventValidator.forDevices(this.mapper);

	private final Instant now;

	private byte[] bomb;

	RequestFuzzer(long seed, Instant now) {
		this.random = new Random(seed);
		this.events = new EventMutator(this.random);
		this.now = now;
	}

	FuzzCase next() {
		int kind = this.random.nextInt(100);
		if (kind < 45) {
			return wellFormed();
		}
		if (kind < 60) {
			return damaged();
		}
		if (kind < 72) {
			return gzipped();
		}
		if (kind < 74) {
			return gzipBomb();
		}
		if (kind < 80) {
			return tokenSoup();
		}
		return headerAbuse();
	}

	private FuzzCase wellFormed() {
		Body body = body();
		return new FuzzCase("well-formed " + body.label, headers(body.contentType), body.bytes, expect(body), false,
				false);
	}

	private FuzzCase damaged() {
		Body body = body();
		byte[] bytes = body.bytes;
		StringBuilder label = new StringBuilder("damaged " + body.label + ":");
		for (int i = 1 + this.random.nextInt(3); i > 0; i--) {
			int at = (bytes.length == 0) ? 0 : this.random.nextInt(bytes.length);
			switch (this.random.nextInt(5)) {
				case 0 -> {
					byte[] bad = BAD_UTF8[this.random.nextInt(BAD_UTF8.length)];
					bytes = splice(bytes, at, 0, bad);
					label.append(" bad-utf8@").append(at);
				}
				case 1 -> {
					bytes = java.util.Arrays.copyOf(bytes, at);
					label.append(" truncated@").append(at);
				}
				case 2 -> {
					if (bytes.length > 0) {
						bytes[at] = (byte) this.random.nextInt(256);
					}
					label.append(" byte@").append(at);
				}
				case 3 -> {
					int length = Math.min(bytes.length - at, 1 + this.random.nextInt(64));
					bytes = splice(bytes, at, 0, java.util.Arrays.copyOfRange(bytes, at, at + length));
					label.append(" repeat@").append(at);
				}
				default -> {
					bytes = splice(bytes, 0, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
					label.append(" bom");
				}
			}
		}
		return new FuzzCase(label.toString(), headers(body.contentType), bytes, null, false, false);
	}

	private FuzzCase gzipped() {
		Body body = body();
		String encoding = pick(new String[] { "gzip", "x-gzip", "GZIP", " gzip " });
		byte[] compressed = IngestClient.gzip(body.bytes);
		return switch (this.random.nextInt(4)) {
			case 0 -> new FuzzCase("gzip-truncated " + body.label, headers(body.contentType, encoding),
					java.util.Arrays.copyOf(compressed, this.random.nextInt(compressed.length)), null, false, false);
			case 1 -> new FuzzCase("gzip-twice " + body.label, headers(body.contentType, encoding),
					IngestClient.gzip(compressed), new FuzzCase.Expected(400, 0), false, false);
			case 2 -> new FuzzCase("gzip-undeclared " + body.label, headers(body.contentType), compressed,
					new FuzzCase.Expected(400, 0), false, false);
			default -> new FuzzCase("gzip " + encoding + " " + body.label, headers(body.contentType, encoding),
					compressed, expect(body), false, false);
		};
	}

	/** A few kilobytes that inflate to 64 MiB: refused at the limit, not inflated. */
	private FuzzCase gzipBomb() {
		if (this.bomb == null) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
				byte[] spaces = new byte[1024 * 1024];
				java.util.Arrays.fill(spaces, (byte) ' ');
				gzip.write('[');
				for (int i = 0; i < 64; i++) {
					gzip.write(spaces);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.bomb = out.toByteArray();
		}
		return new FuzzCase("gzip bomb", headers(JSON, "gzip"), this.bomb, new FuzzCase.Expected(413, 0), false, false);
	}

	private FuzzCase tokenSoup() {
		StringBuilder soup = new StringBuilder();
		for (int i = this.random.nextInt(60); i > 0; i--) {
			soup.append(pick(TOKENS));
		}
		String contentType = this.random.nextBoolean() ? JSON : NDJSON;
		return new FuzzCase("tokens " + contentType + " " + soup, headers(contentType),
				soup.toString().getBytes(StandardCharsets.UTF_8), null, false, false);
	}

	private FuzzCase headerAbuse() {
		Body body = body();
		List<String[]> headers = new ArrayList<>();
		String label;
		boolean raw = false;
		boolean cutOff = false;
		byte[] bytes = body.bytes;
		FuzzCase.Expected expected = null;
		switch (this.random.nextInt(12)) {
			case 0 -> {
				String type = pick(new String[] { "text/plain", "application/xml", "multipart/form-data; boundary=x",
						"application/octet-stream", "*/*", "application/*", "json", "application/json+x" });
				headers.add(header("Content-Type", type));
				label = "content-type " + type;
				expected = new FuzzCase.Expected(415, 0);
			}
			case 1 -> {
				String type = pick(new String[] { "application/json; charset=utf-8", "APPLICATION/JSON",
						"application/json;charset=\"UTF-8\"", "application/json; q=0.5; x=y",
						"application/x-ndjson; charset=utf-8" });
				headers.add(header("Content-Type", type));
				label = "content-type " + type;
				expected = type.toLowerCase().contains("ndjson") == body.ndjson ? expect(body) : null;
			}
			case 2 -> {
				String type = pick(new String[] { "", ";", "application/", "/json", "application/json; charset",
						"application/json; charset=", "\u00e9/\u00e9", "application/json, application/x-ndjson" });
				headers.add(header("Content-Type", type));
				label = "broken content-type '" + type + "'";
			}
			case 3 -> {
				headers.add(header("Content-Type", JSON));
				headers.add(header("Content-Type", NDJSON));
				label = "two content-types";
			}
			case 4 -> {
				headers.add(header("Content-Type", body.contentType));
				String encoding = pick(new String[] { "br", "deflate", "gzip, gzip", "gzip, identity", "compress",
						"identity", "", "*" });
				headers.add(header("Content-Encoding", encoding));
				label = "content-encoding '" + encoding + "'";
				if (encoding.equals("identity") || encoding.isEmpty()) {
					expected = expect(body);
				}
			}
			case 5 -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("X-Filler", "z".repeat(1_000 + this.random.nextInt(20_000))));
				label = "huge header";
				raw = true;
			}
			case 6 -> {
				headers.add(header("Content-Type", body.contentType));
				for (int i = 0; i < 50 + this.random.nextInt(200); i++) {
					headers.add(header("X-Many-" + i, "v"));
				}
				label = "many headers";
				raw = true;
			}
			case 7 -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("Content-Length", String.valueOf(bytes.length + 1 + this.random.nextInt(100))));
				label = "content-length past the body, then hang up";
				cutOff = true;
			}
			case 8 -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("Transfer-Encoding", "chunked"));
				bytes = chunked(bytes, this.random.nextInt(3));
				label = "chunked";
				raw = true;
			}
			case 9 -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("Content-Length", String.valueOf(bytes.length)));
				headers.add(header("Content-Length", String.valueOf(bytes.length + 5)));
				label = "two content-lengths";
				raw = true;
			}
			case 10 -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("X-Bad\u0001Name", "v\u0007"));
				label = "control characters in a header";
				raw = true;
			}
			default -> {
				headers.add(header("Content-Type", body.contentType));
				headers.add(header("Expect", "100-continue"));
				label = "expect 100-continue";
				expected = expect(body);
			}
		}
		return new FuzzCase("header abuse: " + label + " on " + body.label, headers, bytes, expected, raw, cutOff);
	}

	/** Chunked bytes, well-formed or with a lying chunk size or a missing final chunk. */
	private byte[] chunked(byte[] bytes, int flaw) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int size = (flaw == 1) ? bytes.length + 7 : bytes.length;
		out.writeBytes((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(bytes);
		out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		if (flaw != 2) {
			out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		return out.toByteArray();
	}

	private Body body() {
		int size = switch (this.random.nextInt(10)) {
			case 0 -> 0;
			case 1 -> MAX_EVENTS + this.random.nextInt(3) - 1;
			case 2 -> 50 + this.random.nextInt(200);
			default -> 1 + this.random.nextInt(8);
		};
		double mutationShare = pick(new Double[] { 0.0, 0.1, 0.5, 1.0 });
		List<ObjectNode> batch = this.events.batch(this.now, size, mutationShare);
		List<byte[]> items = new ArrayList<>(batch.size());
		for (ObjectNode event : batch) {
			items.add(write(event));
		}
		int shape = this.random.nextInt(3);
		if (shape == 0 && size == 1) {
			return new Body("object", JSON, false, items.get(0), List.of(items.get(0)));
		}
		if (shape == 1) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			for (byte[] item : items) {
				out.writeBytes(item);
				out.writeBytes(pick(new String[] { "\n", "\r\n", "\n\n", "\n \n" }).getBytes(StandardCharsets.UTF_8));
			}
			return new Body("ndjson of " + size, NDJSON, true, out.toByteArray(), items);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write('[');
		for (int i = 0; i < items.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.writeBytes(items.get(i));
		}
		out.write(']');
		return new Body("array of " + size, JSON, false, out.toByteArray(), items);
	}

	/**
	 * The event as a client would write it; text the encoder refuses (a lone surrogate)
	 * goes out as the JVM's UTF-8 makes it, with a replacement character.
	 */
	private byte[] write(ObjectNode event) {
		try {
			return this.mapper.writeValueAsBytes(event);
		}
		catch (JsonProcessingException ex) {
			return event.toString().getBytes(StandardCharsets.UTF_8);
		}
	}

	/**
	 * The right answer to a body sent as is: worked out from the bytes, parsed with the
	 * contract's limits, each event validated.
	 */
	private FuzzCase.Expected expect(Body body) {
		if (body.bytes.length > MAX_BODY) {
			return new FuzzCase.Expected(413, 0);
		}
		List<JsonNode> events = new ArrayList<>();
		if (body.ndjson) {
			for (byte[] line : body.items) {
				try {
					events.add(this.mapper.readTree(line));
				}
				catch (IOException ex) {
					events.add(null);
				}
			}
		}
		else {
			try {
				JsonNode root = this.mapper.readTree(body.bytes);
				if (root.isArray()) {
					root.forEach(events::add);
				}
				else {
					events.add(root);
				}
			}
			catch (IOException ex) {
				return new FuzzCase.Expected(400, 0);
			}
		}
		if (events.size() > MAX_EVENTS) {
			return new FuzzCase.Expected(413, 0);
		}
		int valid = 0;
		for (JsonNode event : events) {
			if (event != null && this.validator.validate(event).isValid()) {
				valid++;
			}
		}
		if (valid == 0) {
			return new FuzzCase.Expected(400, 0);
		}
		return new FuzzCase.Expected((valid == events.size()) ? 202 : 207, valid);
	}

	private static List<String[]> headers(String contentType) {
		List<String[]> headers = new ArrayList<>();
		headers.add(header("Content-Type", contentType));
		return headers;
	}

	private static List<String[]> headers(String contentType, String contentEncoding) {
		List<String[]> headers = headers(contentType);
		headers.add(header("Content-Encoding", contentEncoding));
		return headers;
	}

	private static String[] header(String name, String value) {
		return new String[] { name, value };
	}

	private static byte[] splice(byte[] bytes, int at, int remove, byte[] insert) {
		byte[] result = new byte[bytes.length - remove + insert.length];
		System.arraycopy(bytes, 0, result, 0, at);
		System.arraycopy(insert, 0, result, at, insert.length);
		System.arraycopy(bytes, at + remove, result, at + insert.length, bytes.length - at - remove);
		return result;
	}

	private <T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	/**
	 * A body and the serialized events it holds, each as sent.
	 */
	private record Body(String label, String contentType, boolean ndjson, byte[] bytes, List<byte[]> items) {

	}

}
