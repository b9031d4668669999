package dev.keystone.ingest.system;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How topics are created when the service finds them missing.
 *
 * @param partitions partitions per topic
 * @param replicationFactor copies of each partition; 3 in a production cluster
 */
@Validated
@ConfigurationProperties("keystone.topics")
record TopicSettings(@Min(1) int partitions, @Min(1) short replicationFactor) {

}
