/**
 * The {@code viewers} function: distinct viewing sessions per title in closed 10-second
 * and 1-minute event-time windows.
 */
package dev.keystone.processing.viewers;
