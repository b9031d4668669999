package dev.keystone.ingest.segment;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The messages of one {@code POST /v1/batch} call.
 *
 * @param sentAt when the client sent the batch, by its own clock; null when it did not
 * say
 * @param bytes the size of the body after decompression
 */
record SegmentBatch(List<Message> messages, Instant sentAt, long bytes) {

	/**
	 * @param bytes the size of the message's text in the body
	 */
	record Message(JsonNode json, long bytes) {

	}

}
