/**
 * Cleansing: re-validates raw events, rejects what cannot be used and drops duplicates.
 */
package dev.keystone.processing.cleansing;
