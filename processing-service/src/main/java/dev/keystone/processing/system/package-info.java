/**
 * Cross-cutting wiring: the clock, the stage counters and the settings every step agrees
 * on.
 */
package dev.keystone.processing.system;
