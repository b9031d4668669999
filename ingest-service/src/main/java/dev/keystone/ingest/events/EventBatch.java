package dev.keystone.ingest.events;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.events.Problem;

/**
 * The events of one request in the order they were sent. An item that could not be read
 * as an event (one line of NDJSON that does not parse, a message another format could not
 * map) carries its problems instead of a tree.
 *
 * @param bytes the size of the request body after decompression
 */
public record EventBatch(List<Item> items, long bytes) {

	public record Item(int index, JsonNode json, List<Problem> problems) {

		public static Item parsed(int index, JsonNode json) {
			return new Item(index, json, List.of());
		}

		static Item unparseable(int index, String error) {
			return new Item(index, null, List.of(new Problem("", error)));
		}

		public static Item refused(int index, List<Problem> problems) {
			return new Item(index, null, List.copyOf(problems));
		}

	}

}
