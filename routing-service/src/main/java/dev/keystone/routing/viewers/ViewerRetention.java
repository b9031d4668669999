package dev.keystone.routing.viewers;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long viewer counts stay in Cassandra before they expire.
 *
 * @param ttl time to live of every written count
 */
@Validated
@ConfigurationProperties("keystone.routing.viewers")
record ViewerRetention(@NotNull Duration ttl) {

}
