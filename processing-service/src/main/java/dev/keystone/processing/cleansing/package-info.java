/**
 * The {@code cleanse} function: re-validates raw events, rejects what cannot be used,
 * drops duplicates and hands the rest to enrichment.
 */
package dev.keystone.processing.cleansing;
