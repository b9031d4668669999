/**
 * Cross-cutting configuration of the routing service: the clock, store connections and
 * credentials, and the Cassandra keyspace.
 */
package dev.keystone.routing.system;
