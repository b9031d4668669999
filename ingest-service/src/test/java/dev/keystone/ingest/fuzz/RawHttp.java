package dev.keystone.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, so a case can send what no
 * HTTP client library would: lying lengths, broken chunking, duplicate or malformed
 * headers, a body cut off half way.
 */
final class RawHttp {

	private static final int TIMEOUT_MS = 30_000;

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	Reply send(String path, FuzzCase request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MS);
			socket.setSoTimeout(TIMEOUT_MS);
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			for (String[] header : request.headers()) {
				head.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			if (!request.hasHeader("Content-Length") && !request.hasHeader("Transfer-Encoding")) {
				head.writeBytes(
						("Content-Length: " + request.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toByteArray());
				out.write(request.body());
				out.flush();
				if (request.cutOff()) {
					return Reply.NONE;
				}
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// The server may answer and close before reading everything (413 on a
				// large body); what it answered is still there to read.
			}
			return read(socket.getInputStream());
		}
	}

	Reply get(String path) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MS);
			socket.setSoTimeout(TIMEOUT_MS);
			socket.getOutputStream()
				.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			return read(socket.getInputStream());
		}
	}

	private static Reply read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		try {
			in.transferTo(all);
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("no complete answer within " + TIMEOUT_MS + " ms", ex);
		}
		catch (IOException ex) {
			// A reset after the answer was sent leaves the answer readable.
		}
		return parse(all.toByteArray());
	}

	/** The final answer, after any interim ones such as {@code 100 Continue}. */
	private static Reply parse(byte[] bytes) {
		int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		if (end < 0) {
			return new Reply(0, Map.of(), new String(bytes, StandardCharsets.ISO_8859_1));
		}
		String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		int status = Integer.parseInt(statusLine[1]);
		if (status >= 100 && status < 200) {
			return parse(java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length));
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
		}
		byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] unchunk(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < body.length) {
			int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length),
					"\r\n".getBytes(StandardCharsets.US_ASCII));
			if (lineEnd < 0) {
				break;
			}
			String sizeLine = new String(body, at, lineEnd, StandardCharsets.US_ASCII);
			int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
			at += lineEnd + 2;
			if (size == 0) {
				break;
			}
			out.write(body, at, Math.min(size, body.length - at));
			at += size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * One answer; status 0 when the server closed the connection without a complete one.
	 */
	record Reply(int status, Map<String, String> headers, String body) {

		static final Reply NONE = new Reply(-1, Map.of(), "");

		String contentType() {
			return this.headers.getOrDefault("content-type", "");
		}

	}

}
