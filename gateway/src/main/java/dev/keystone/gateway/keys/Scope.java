package dev.keystone.gateway.keys;

/**
 * What a key may do: send events, read, or administer the catalog and alerts.
 */
public enum Scope {

	INGEST, READ, ADMIN

}
