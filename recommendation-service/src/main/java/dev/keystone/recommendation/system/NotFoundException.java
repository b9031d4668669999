package dev.keystone.recommendation.system;

/**
 * Nothing is known of what was asked for; answered 404.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String message) {
		super(message);
	}

}
