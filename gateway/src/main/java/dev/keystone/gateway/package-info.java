/**
 * The one public entry: routes client requests to the services, checks API keys and rate
 * limits.
 */
package dev.keystone.gateway;
