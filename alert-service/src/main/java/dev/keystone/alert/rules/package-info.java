/**
 * Alert rules: which anomalies page whom, after how long, grouped how.
 */
package dev.keystone.alert.rules;
