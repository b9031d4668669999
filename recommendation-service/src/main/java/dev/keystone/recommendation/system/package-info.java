/**
 * Cross-cutting configuration: clock, JSON, errors and metrics.
 */
package dev.keystone.recommendation.system;
