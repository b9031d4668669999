/**
 * Cross-cutting configuration: settings, topics, JSON and the clock.
 */
package dev.keystone.alert.system;
