package dev.keystone.testkit;

import java.util.Locale;

/**
 * The servers the pipeline stands on.
 */
public enum Server {

	KAFKA, ELASTICSEARCH, CASSANDRA,

	/** The archive's S3-compatible object store. */
	S3;

	/** The name the launcher knows the server by. */
	public String launcherName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
