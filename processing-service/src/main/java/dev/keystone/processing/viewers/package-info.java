/**
 * Distinct viewing sessions per title in closed 10-second and 1-minute event-time
 * windows, on {@code viewers.counts}.
 */
package dev.keystone.processing.viewers;
