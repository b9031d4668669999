/**
 * Segment's HTTP tracking API, so that existing analytics SDKs send events unchanged.
 */
package dev.keystone.ingest.segment;
