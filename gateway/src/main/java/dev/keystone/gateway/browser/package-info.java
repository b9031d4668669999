/**
 * Segment's browser SDK as it sends from a web page: the write key in the body, short
 * paths and cross-origin requests.
 */
package dev.keystone.gateway.browser;
