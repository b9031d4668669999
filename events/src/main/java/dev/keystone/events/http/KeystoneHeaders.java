package dev.keystone.events.http;

/**
 * The project's own HTTP headers.
 */
public final class KeystoneHeaders {

	/**
	 * How many events an accepted ingest request carried; the gateway counts them against
	 * the key's rate.
	 */
	public static final String EVENT_COUNT = "Keystone-Event-Count";

	private KeystoneHeaders() {
	}

}
