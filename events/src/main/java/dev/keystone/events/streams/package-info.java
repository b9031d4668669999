/**
 * What the Kafka Streams services share about running their state safely. Spring for
 * Apache Kafka and Kafka Streams are optional dependencies of this module, so a service
 * without Streams does not take them.
 */
package dev.keystone.events.streams;
