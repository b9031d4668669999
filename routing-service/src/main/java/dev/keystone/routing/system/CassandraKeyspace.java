package dev.keystone.routing.system;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the routing service creates its Cassandra keyspace when it is missing.
 *
 * @param name the keyspace, from {@code CASSANDRA_KEYSPACE}
 * @param replicationFactor copies of each row under SimpleStrategy; 3 in a real cluster
 */
@Validated
@ConfigurationProperties("keystone.routing.keyspace")
public record CassandraKeyspace(@NotBlank String name, @Min(1) int replicationFactor) {

}
