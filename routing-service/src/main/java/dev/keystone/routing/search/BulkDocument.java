package dev.keystone.routing.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One document bound for an index, with the record it came from for a rejection.
 */
record BulkDocument(String index, String id, JsonNode source, JsonNode original) {

}
