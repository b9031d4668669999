package dev.keystone.routing.sink;

/**
 * A store could not take a batch right now. The batch is retried as a whole, with growing
 * pauses, and its offsets are not committed until it lands.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
