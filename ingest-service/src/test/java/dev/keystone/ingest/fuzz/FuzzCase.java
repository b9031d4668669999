package dev.keystone.ingest.fuzz;

import java.util.List;

/**
 * One generated request and what a correct service must answer to it.
 *
 * @param label how the request was made, to reproduce and read a failure
 * @param headers header lines besides {@code Host} and {@code Connection}, in order;
 * {@code Content-Length} is added from the body unless one is given or the body is sent
 * chunked
 * @param body the bytes sent after the headers, as they go on the wire
 * @param expected what the service must answer, when the request's meaning is known
 * @param raw whether the request breaks HTTP itself, so that the web server rather than
 * the service may answer (still never with a 5xx)
 * @param cutOff whether the client hangs up before the request is complete, so that no
 * answer is due
 */
record FuzzCase(String label, List<String[]> headers, byte[] body, Expected expected, boolean raw, boolean cutOff) {

	boolean hasHeader(String name) {
		return this.headers.stream().anyMatch((header) -> header[0].equalsIgnoreCase(name));
	}

	/**
	 * The answer a request of known meaning must get.
	 *
	 * @param status the HTTP status
	 * @param accepted how many of its events are written
	 */
	record Expected(int status, int accepted) {

	}

}
