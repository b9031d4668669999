/**
 * Anomaly detection: per-scope rates and counts in closed one-minute windows, compared
 * with a learned baseline.
 */
package dev.keystone.processing.anomaly;
