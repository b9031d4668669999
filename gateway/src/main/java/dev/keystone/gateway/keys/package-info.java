/**
 * API keys: who may call, with which scopes, and how fast.
 */
package dev.keystone.gateway.keys;
