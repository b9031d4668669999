/**
 * Cleanses, deduplicates and enriches events, counts distinct viewers per window and
 * detects anomalies.
 */
package dev.keystone.processing;
