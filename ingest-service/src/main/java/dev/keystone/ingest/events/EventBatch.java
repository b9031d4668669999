package dev.keystone.ingest.events;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The events of one request in the order they were sent. An item that could not be parsed
 * on its own (one line of NDJSON) carries the parse error instead of a tree.
 */
record EventBatch(List<Item> items, long bytes) {

	record Item(int index, JsonNode json, String parseError) {

		static Item parsed(int index, JsonNode json) {
			return new Item(index, json, null);
		}

		static Item unparseable(int index, String error) {
			return new Item(index, null, error);
		}

	}

}
