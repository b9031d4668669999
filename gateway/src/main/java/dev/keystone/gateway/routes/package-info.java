/**
 * Which service answers which path, with the timeouts, retries and circuit breakers that
 * keep a slow or dead service from hanging its clients.
 */
package dev.keystone.gateway.routes;
