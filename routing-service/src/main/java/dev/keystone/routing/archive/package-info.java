/**
 * The archive: every enriched event written once to the Iceberg table
 * {@code keystone.events} on object storage, with the Kafka offsets each commit covers
 * kept in the same snapshot, so a restart resumes from the table itself.
 */
package dev.keystone.routing.archive;
