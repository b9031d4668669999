package dev.keystone.processing.windowing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How distinct sessions are counted in every series: exactly up to a limit, then with a
 * HyperLogLog sketch whose size does not grow with the audience. Each raw partition
 * counts its own devices' sessions, and the merged count is the sum over partitions; a
 * partition's estimate has a relative standard error of about 1.04 / sqrt(K), and so has
 * the sum (the partitions' errors are independent, so it is usually smaller).
 *
 * @param exactLimit distinct sessions one partition counts exactly in one window before
 * switching that window to the sketch
 * @param lgK log2 of the sketch's register count K; 12 (K = 4096, 4 KiB per sketched
 * window) gives about 1.6%, so within 3.2% at 95% confidence
 */
@Validated
@ConfigurationProperties("keystone.processing.windows.sessions")
public record SessionSketch(@Min(1) @Max(1_000_000) int exactLimit, @Min(4) @Max(21) int lgK) {

}
