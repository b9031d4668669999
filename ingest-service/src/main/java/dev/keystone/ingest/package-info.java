/**
 * Takes device events in over REST and writes them durably to Kafka.
 */
package dev.keystone.ingest;
