/**
 * Checks of Keystone's dashboards and alert rules: promtool unit tests, the conventions
 * every rule and panel follows, and every panel's queries against a real Prometheus
 * scraping the running pipeline.
 */
package dev.keystone.monitoring;
