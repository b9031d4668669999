/**
 * Adds catalog title, device class and processing time to cleansed events.
 */
package dev.keystone.processing.enrichment;
