package dev.keystone.processing.system;

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
 * @param applicationId prefix of each function's application id (and so of its consumer
 * group, internal topics and state directory)
 * @param replicationFactor copies of each internal topic (changelogs, repartitions)
 * @param standbyReplicas warm copies of each task's state on other instances
 * @param threads stream threads per instance; tasks spread over them, so up to one per
 * core does work in parallel
 * @param rocksdbMemoryBytes off-heap memory of all RocksDB stores of the instance: one
 * block cache, which the memtables are charged to (see {@link BoundedRocksDb})
 * @param rocksdbMemtableBytes the part of it memtables may take before they are flushed
 */
@Validated
@ConfigurationProperties("keystone.processing.streams")
public record StreamsSettings(@NotBlank String applicationId, @Min(1) @Max(32) short replicationFactor,
		@Min(0) @Max(10) int standbyReplicas, @Min(1) @Max(64) int threads, @Min(16_777_216) long rocksdbMemoryBytes,
		@Min(1_048_576) long rocksdbMemtableBytes) {

}
