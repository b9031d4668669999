package dev.keystone.recommendation.recommend;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a profile's recommendations are blended.
 *
 * @param recentWatches the profile's latest watches whose similar titles are candidates
 * @param recencyDecay weight of each older watch relative to the one after it
 * @param candidates titles read per ranking (per watch, per genre, trending)
 * @param genres the profile's favourite genres whose popular titles are candidates
 * @param genreWeight weight of genre popularity beside because-you-watched (1)
 * @param trendingWeight weight of trending beside because-you-watched (1)
 */
@Validated
@ConfigurationProperties("keystone.recommendation.recommend")
public record RecommendSettings(@Min(1) @Max(100) int recentWatches,
		@DecimalMin("0.01") @DecimalMax("1") double recencyDecay, @Min(10) @Max(1000) int candidates,
		@Min(0) @Max(10) int genres, @DecimalMin("0") double genreWeight, @DecimalMin("0") double trendingWeight) {

}
