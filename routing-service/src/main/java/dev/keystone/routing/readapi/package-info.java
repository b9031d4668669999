/**
 * What the read API's controllers share: parsing of common query parameters and the
 * problem+json answers for bad parameters, missing answers and stores that are down.
 */
package dev.keystone.routing.readapi;
