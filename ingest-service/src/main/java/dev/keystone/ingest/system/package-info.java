/**
 * Cross-cutting configuration of the ingest service: problem responses, topics and JSON.
 */
package dev.keystone.ingest.system;
