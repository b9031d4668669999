/**
 * A fleet of simulated devices that register a catalog and watch its titles, sending the
 * event traffic a real fleet would, with incidents on demand.
 */
package dev.keystone.simulator;
