package dev.keystone.recommendation.titles;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Trending and similar titles.
 *
 * @param halfLife after this long a start counts half as much for trending
 * @param neighbours co-watched titles kept per title (the bound on its memory)
 * @param shrinkage pairs co-watched this many times weigh half their cosine; damps pairs
 * seen by a handful of profiles
 */
@Validated
@ConfigurationProperties("keystone.recommendation.titles")
public record TitleSettings(@NotNull Duration halfLife, @Min(1) @Max(10_000) int neighbours,
		@DecimalMin("0") double shrinkage) {

}
