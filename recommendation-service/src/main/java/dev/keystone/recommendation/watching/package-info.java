/**
 * What each profile watched: progress, watched and finished titles, a bounded history,
 * and the continue-watching row.
 */
package dev.keystone.recommendation.watching;
