/**
 * Silences: matchers over alerts and a time range in which nothing is sent for them.
 */
package dev.keystone.alert.silences;
