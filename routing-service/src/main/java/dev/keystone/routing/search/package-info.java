/**
 * Elasticsearch: the sink for enriched events and anomalies, and the search, histogram
 * and anomaly endpoints.
 */
package dev.keystone.routing.search;
