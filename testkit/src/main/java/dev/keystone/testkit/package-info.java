/**
 * Real Kafka, Elasticsearch and Cassandra servers for integration tests, shared by every
 * test of a build.
 */
package dev.keystone.testkit;
