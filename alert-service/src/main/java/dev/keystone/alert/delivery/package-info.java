/**
 * Receivers and the delivery of notifications to them: once per transition and receiver,
 * retried while a receiver fails, logged per alert.
 */
package dev.keystone.alert.delivery;
