package dev.keystone.ingest.events;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.ingest.system.JsonErrors;

/**
 * Reads one request body into events: a JSON object, a JSON array of objects, or NDJSON,
 * optionally gzip compressed. Sizes are checked while bytes arrive, so a small compressed
 * body that inflates to gigabytes costs at most the limit.
 */
public class EventBatchReader {

	private final ObjectMapper mapper;

	private final IngestLimits limits;

	EventBatchReader(ObjectMapper mapper, IngestLimits limits) {
		this.mapper = mapper;
		this.limits = limits;
	}

	EventBatch read(InputStream body, boolean ndjson, String contentEncoding) throws IOException {
		byte[] bytes = readBounded(decoded(body, contentEncoding), this.limits.maxRequestSize().toBytes());
		if (isBlank(bytes)) {
			throw IngestRejection.malformed("the body is empty; send an event, an array of events, or NDJSON");
		}
		List<EventBatch.Item> items = ndjson ? lines(bytes) : document(bytes);
		if (items.size() > this.limits.maxEvents()) {
			throw IngestRejection.tooLarge("the request holds " + items.size() + " events; at most "
					+ this.limits.maxEvents() + " are allowed per request");
		}
		if (items.isEmpty()) {
			throw IngestRejection.malformed("the request holds no event");
		}
		return new EventBatch(items, bytes.length);
	}

	/**
	 * Reads a body of another format as one JSON document, with the same decoding and
	 * bounded reading as events.
	 * @return the document and the size of the body after decompression
	 */
	public Document readDocument(InputStream body, String contentEncoding, long maxBytes) throws IOException {
		byte[] bytes = readBody(body, contentEncoding, maxBytes);
		try {
			return new Document(this.mapper.readTree(bytes), bytes.length);
		}
		catch (IOException ex) {
			throw IngestRejection.malformed(JsonErrors.describe(ex));
		}
	}

	/**
	 * Reads a body of another format as bytes, for a reader that streams through it, with
	 * the same decoding and bounded reading as events.
	 */
	public byte[] readBody(InputStream body, String contentEncoding, long maxBytes) throws IOException {
		byte[] bytes = readBounded(decoded(body, contentEncoding), maxBytes);
		if (isBlank(bytes)) {
			throw IngestRejection.malformed("the body is empty");
		}
		return bytes;
	}

	/**
	 * One JSON body and its size after decompression.
	 */
	public record Document(JsonNode json, long bytes) {

	}

	private static InputStream decoded(InputStream body, String contentEncoding) throws IOException {
		if (contentEncoding == null || contentEncoding.isBlank()
				|| contentEncoding.trim().equalsIgnoreCase("identity")) {
			return body;
		}
		String encoding = contentEncoding.trim().toLowerCase(Locale.ROOT);
		if (encoding.equals("gzip") || encoding.equals("x-gzip")) {
			try {
				return new GZIPInputStream(body, 8192);
			}
			catch (ZipException ex) {
				throw IngestRejection.malformed("Content-Encoding is gzip but the body is not gzip data");
			}
			catch (EOFException ex) {
				throw IngestRejection.malformed("the gzip body is corrupt or truncated");
			}
		}
		throw IngestRejection.unsupportedEncoding(contentEncoding);
	}

	private static byte[] readBounded(InputStream in, long max) throws IOException {
		byte[] bytes;
		try {
			bytes = in.readNBytes((int) max + 1);
		}
		catch (ZipException | EOFException ex) {
			throw IngestRejection.malformed("the gzip body is corrupt or truncated");
		}
		if (bytes.length > max) {
			throw IngestRejection.tooLarge(
					"the body exceeds " + max + " bytes" + " (after decompression); split it into several requests");
		}
		return bytes;
	}

	private List<EventBatch.Item> document(byte[] bytes) {
		JsonNode root;
		try {
			root = this.mapper.readTree(bytes);
		}
		catch (IOException ex) {
			throw IngestRejection.malformed(JsonErrors.describe(ex));
		}
		List<EventBatch.Item> items = new ArrayList<>();
		if (root.isArray()) {
			for (int i = 0; i < root.size(); i++) {
				items.add(EventBatch.Item.parsed(i, root.get(i)));
			}
		}
		else if (root.isObject()) {
			items.add(EventBatch.Item.parsed(0, root));
		}
		else {
			throw IngestRejection.malformed("the body must be an event object or an array of events");
		}
		return items;
	}

	/** Each line parses on its own, so one bad line costs one event, not the request. */
	private List<EventBatch.Item> lines(byte[] bytes) {
		List<EventBatch.Item> items = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			if (i == bytes.length || bytes[i] == '\n') {
				int end = (i > start && bytes[i - 1] == '\r') ? i - 1 : i;
				if (!isBlank(bytes, start, end)) {
					items.add(line(items.size(), bytes, start, end));
				}
				start = i + 1;
			}
		}
		return items;
	}

	private EventBatch.Item line(int index, byte[] bytes, int start, int end) {
		try {
			return EventBatch.Item.parsed(index, this.mapper.readTree(bytes, start, end - start));
		}
		catch (JsonProcessingException ex) {
			return EventBatch.Item.unparseable(index, JsonErrors.describe(ex));
		}
		catch (IOException ex) {
			return EventBatch.Item.unparseable(index, "unreadable line");
		}
	}

	private static boolean isBlank(byte[] bytes) {
		return isBlank(bytes, 0, bytes.length);
	}

	private static boolean isBlank(byte[] bytes, int start, int end) {
		for (int i = start; i < end; i++) {
			if (!Character.isWhitespace(bytes[i])) {
				return false;
			}
		}
		return true;
	}

}
