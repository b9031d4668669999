package dev.keystone.processing.viewers;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How distinct sessions are counted: exactly up to a limit, then with a HyperLogLog
 * sketch whose memory does not grow with the audience.
 *
 * @param exactLimit distinct sessions one window counts exactly before switching to the
 * sketch
 * @param lgK log2 of the sketch's register count K; the relative standard error is about
 * 1.04 / sqrt(K), so 12 (K = 4096, 4 KiB per sketched window) gives about 1.6%
 */
@Validated
@ConfigurationProperties("keystone.processing.viewers")
public record ViewerSketch(@Min(1) @Max(1_000_000) int exactLimit, @Min(4) @Max(21) int lgK) {

}
