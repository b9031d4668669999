/**
 * Interactive queries of the Kafka Streams stores, answered by whichever instance holds a
 * key.
 */
package dev.keystone.recommendation.state;
