/**
 * {@code /v1/catalog/titles}: title metadata on the compacted {@code catalog.titles}
 * topic, and the view of it this service keeps.
 */
package dev.keystone.ingest.catalog;
