/**
 * The alert lifecycle: anomalies gathered into alerts per metric and scope, their state
 * changes, and the notifications decided from them, all in one exactly-once Kafka Streams
 * application.
 */
package dev.keystone.alert.lifecycle;
