package dev.keystone.events.http;

/**
 * Nothing to answer with yet; answered 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
