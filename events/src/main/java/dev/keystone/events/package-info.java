/**
 * What crosses a Kafka topic: the event records, their JSON form, the validator and the
 * topic names.
 */
package dev.keystone.events;
