/**
 * Turns anomalies into alerts and notifies operators.
 */
package dev.keystone.alert;
