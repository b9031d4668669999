/**
 * Title-level state: trending titles by time-decayed distinct profiles, and similar
 * titles from co-watching.
 */
package dev.keystone.recommendation.titles;
