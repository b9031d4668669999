package dev.keystone.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Whether anything listens at a {@code host:port}, to tell a stopped server from a
 * running one.
 */
final class Endpoint {

	private Endpoint() {
	}

	static boolean accepts(String hostPort) {
		String[] parts = hostPort.split(":");
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
