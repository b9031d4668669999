package dev.keystone.routing.search;

/**
 * A document the store refused for its content: it will never be written as it is.
 */
record BulkFailure(BulkDocument document, String reason) {

}
