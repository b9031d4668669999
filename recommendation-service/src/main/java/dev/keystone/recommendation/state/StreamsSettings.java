package dev.keystone.recommendation.state;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka Streams settings that differ between a laptop and a cluster. The binder reads
 * them through placeholders in {@code application.yml}; binding them here checks them at
 * start-up.
 *
 * @param applicationId the application id (consumer group, prefix of internal topics and
 * state directory)
 * @param advertisedHost the host other instances reach this one at; with the server port
 * it is this instance's {@code application.server}
 * @param replicationFactor copies of each internal topic (changelogs, repartitions)
 * @param standbyReplicas warm copies of each task's state on other instances
 * @param threads stream threads per instance
 */
@Validated
@ConfigurationProperties("keystone.recommendation.streams")
public record StreamsSettings(@NotBlank String applicationId, @NotBlank String advertisedHost,
		@Min(1) @Max(32) short replicationFactor, @Min(0) @Max(10) int standbyReplicas, @Min(1) @Max(64) int threads) {

}
