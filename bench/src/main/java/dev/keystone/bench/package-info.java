/**
 * Benchmarks of the services on the real local servers, each against a raw baseline
 * measured in the same run.
 */
package dev.keystone.bench;
