/**
 * Alerts as people use them: listed, read with their anomalies and notification log,
 * acknowledged, resolved, and followed as a stream of changes.
 */
package dev.keystone.alert.alerts;
