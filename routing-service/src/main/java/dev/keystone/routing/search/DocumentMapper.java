package dev.keystone.routing.search;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Maps one topic record to the document it becomes, or says why it can never become one.
 */
interface DocumentMapper {

	Mapped map(String record);

	/**
	 * Either a document, or the key, record and reason of a refusal.
	 */
	record Mapped(BulkDocument document, String key, JsonNode original, String refusal) {

		static Mapped of(BulkDocument document) {
			return new Mapped(document, document.id(), document.original(), null);
		}

		static Mapped refused(String key, JsonNode original, String reason) {
			return new Mapped(null, key, original, reason);
		}

	}

}
