package dev.keystone.gateway.routes;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where each service is and how long the gateway waits for it.
 *
 * @param ingest ingest-service, from {@code INGEST_URL}
 * @param routing routing-service, from {@code ROUTING_URL}
 * @param alert alert-service, from {@code ALERT_URL}
 * @param recommendation recommendation-service, from {@code RECOMMENDATION_URL}
 * @param connectTimeout time to open a connection to a service
 * @param readTimeout time to wait for a read answer
 * @param ingestTimeout time to wait for ingest, which answers only once Kafka
 * acknowledged every event
 * @param maxIngestSize largest declared body the edge lets through to ingest
 */
@Validated
@ConfigurationProperties("keystone.gateway.services")
public record ServiceRoutes(@NotNull URI ingest, @NotNull URI routing, @NotNull URI alert, @NotNull URI recommendation,
		@NotNull Duration connectTimeout, @NotNull Duration readTimeout, @NotNull Duration ingestTimeout,
		@NotNull DataSize maxIngestSize) {

}
