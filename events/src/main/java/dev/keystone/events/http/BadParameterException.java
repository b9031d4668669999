package dev.keystone.events.http;

/**
 * A query parameter an API cannot use; answered 400 naming the parameter.
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
