/**
 * {@code POST /v1/events}: reads a batch of device events, validates each, and answers
 * only once Kafka holds every accepted one.
 */
package dev.keystone.ingest.events;
