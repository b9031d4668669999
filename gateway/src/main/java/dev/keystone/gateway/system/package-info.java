/**
 * Cross-cutting concerns of the gateway: request ids and problem responses.
 */
package dev.keystone.gateway.system;
