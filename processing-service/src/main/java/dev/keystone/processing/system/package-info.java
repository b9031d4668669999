/**
 * Cross-cutting wiring: the clock, event-time extraction and the window grace every
 * event-time step agrees on.
 */
package dev.keystone.processing.system;
