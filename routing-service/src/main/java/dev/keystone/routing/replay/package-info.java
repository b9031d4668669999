/**
 * Replays: events of a time range read back from the archive and either indexed into
 * Elasticsearch again or published to {@code events.replay}.
 */
package dev.keystone.routing.replay;
