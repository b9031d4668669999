/**
 * Recommendations per profile: because-you-watched, trending and genre picks blended,
 * each with its reason.
 */
package dev.keystone.recommendation.recommend;
