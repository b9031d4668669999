/**
 * Cross-cutting configuration of the routing service: store connections and their
 * start-up checks.
 */
package dev.keystone.routing.system;
