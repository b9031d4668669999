package dev.keystone.routing.replay;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How replays run.
 *
 * @param batchSize events written to the target at a time
 * @param concurrent replays that run at once; more wait their turn
 * @param kept finished replays still listed; older ones are forgotten
 */
@Validated
@ConfigurationProperties("keystone.routing.replay")
public record ReplaySettings(@Min(1) int batchSize, @Min(1) int concurrent, @Min(1) int kept) {

}
