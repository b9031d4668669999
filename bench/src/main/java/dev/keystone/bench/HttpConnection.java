package dev.keystone.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 keep-alive connection, opened again whenever the server closes it. A
 * blocking socket costs the load generator far less CPU per request than a general
 * client, which matters when client and servers share two cores.
 */
final class HttpConnection implements Closeable {

	private final URI base;

	private final String hostHeader;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	HttpConnection(URI base) {
		this.base = base;
		this.hostHeader = base.getHost() + ":" + base.getPort();
	}

	/**
	 * The status and body of one exchange.
	 */
	record Response(int status, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	Response post(String path, Map<String, String> headers, byte[] body) throws IOException {
		return exchange("POST", path, headers, body);
	}

	Response put(String path, Map<String, String> headers, byte[] body) throws IOException {
		return exchange("PUT", path, headers, body);
	}

	Response get(String path, Map<String, String> headers) throws IOException {
		return exchange("GET", path, headers, null);
	}

	private Response exchange(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
		if (this.socket == null) {
			open();
		}
		try {
			StringBuilder head = new StringBuilder(256).append(method)
				.append(' ')
				.append(path)
				.append(" HTTP/1.1\r\nHost: ")
				.append(this.hostHeader)
				.append("\r\n");
			headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
			if (body != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			this.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				this.out.write(body);
			}
			this.out.flush();
			return readResponse();
		}
		catch (IOException ex) {
			close();
			throw ex;
		}
	}

	private Response readResponse() throws IOException {
		String status = line();
		if (!status.startsWith("HTTP/1.")) {
			throw new IOException("not an HTTP response: " + status);
		}
		int code = Integer.parseInt(status.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean closing = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
			String value = header.substring(colon + 1).trim();
			switch (name) {
				case "content-length" -> length = Long.parseLong(value);
				case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
				case "connection" -> closing = value.equalsIgnoreCase("close");
				default -> {
				}
			}
		}
		byte[] body;
		if (chunked) {
			body = chunkedBody();
		}
		else if (length >= 0) {
			body = this.in.readNBytes((int) length);
			if (body.length < length) {
				throw new EOFException("connection closed inside a response body");
			}
		}
		else {
			body = this.in.readAllBytes();
			closing = true;
		}
		if (closing) {
			close();
		}
		return new Response(code, body);
	}

	private byte[] chunkedBody() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String size = line();
			int semicolon = size.indexOf(';');
			int length = Integer.parseInt((semicolon < 0) ? size.trim() : size.substring(0, semicolon).trim(), 16);
			if (length == 0) {
				while (!line().isEmpty()) {
					// trailers carry nothing the benchmark needs
				}
				return body.toByteArray();
			}
			byte[] chunk = this.in.readNBytes(length);
			if (chunk.length < length) {
				throw new EOFException("connection closed inside a chunk");
			}
			body.write(chunk);
			line();
		}
	}

	private String line() throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = this.in.read();
			if (b < 0) {
				throw new EOFException("connection closed by the server");
			}
			if (b == '\n') {
				int end = line.length();
				return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) b);
		}
	}

	private void open() throws IOException {
		Socket opened = new Socket();
		opened.setTcpNoDelay(true);
		opened.connect(new InetSocketAddress(this.base.getHost(), this.base.getPort()), 5000);
		opened.setSoTimeout(60_000);
		this.socket = opened;
		this.in = new BufferedInputStream(opened.getInputStream(), 16384);
		this.out = new BufferedOutputStream(opened.getOutputStream(), 65536);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing a broken socket has nothing left to report
			}
			this.socket = null;
		}
	}

}
