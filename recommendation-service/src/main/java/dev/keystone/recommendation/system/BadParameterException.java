package dev.keystone.recommendation.system;

/**
 * A parameter the API cannot use; answered 400 naming it.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
