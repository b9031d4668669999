package dev.keystone.routing.archive;

/**
 * A record of {@code events.enriched} that cannot become a row of the archive table.
 */
class UnarchivableException extends RuntimeException {

	UnarchivableException(String reason) {
		super(reason);
	}

}
