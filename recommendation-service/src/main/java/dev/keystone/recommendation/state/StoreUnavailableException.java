package dev.keystone.recommendation.state;

/**
 * The instance holding an answer cannot be asked now: stores are being restored or moved,
 * or the instance does not answer. Answered 503, to be retried.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

	public StoreUnavailableException(String message) {
		super(message);
	}

}
