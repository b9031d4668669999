/**
 * Routes enriched events to Elasticsearch and viewer counts to Cassandra, and serves the
 * read API.
 */
package dev.keystone.routing;
