package dev.keystone.ingest.segment;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Segment's own limits, so that what its SDKs batch fits.
 *
 * @param maxMessageSize one message of a call, as the client serialised it
 * @param maxBatchSize a whole request body after decompression
 */
@Validated
@ConfigurationProperties("keystone.ingest.segment")
public record SegmentLimits(@NotNull DataSize maxMessageSize, @NotNull DataSize maxBatchSize) {

}
