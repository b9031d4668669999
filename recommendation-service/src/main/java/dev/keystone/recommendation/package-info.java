/**
 * Recommends titles to profiles and ranks trending titles from enriched events.
 */
package dev.keystone.recommendation;
