/**
 * What crosses a Kafka topic: the event records, their JSON form, the validator, the
 * topic names and the window sizes.
 */
package dev.keystone.events;
