/**
 * Cassandra: the sink for distinct-viewer counts and the viewer endpoints.
 */
package dev.keystone.routing.viewers;
