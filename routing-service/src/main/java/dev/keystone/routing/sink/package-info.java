/**
 * What every sink shares: paced retries while a store is down, the sink status in health,
 * the sink metrics and settings, and publishing records no store will take to
 * {@code events.rejected}.
 */
package dev.keystone.routing.sink;
