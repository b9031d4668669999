package dev.keystone.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's alert receiver: takes alert-service's webhook notifications on a local port
 * and prints one line per notification and per alert in it, so a newcomer sees incidents
 * become pages. {@code DEMO_RECEIVER_PORT} (default 8086).
 */
public final class DemoReceiver {

	private final ObjectMapper mapper = new ObjectMapper();

	private final PrintStream out;

	DemoReceiver(PrintStream out) {
		this.out = out;
	}

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(System.getenv().getOrDefault("DEMO_RECEIVER_PORT", "8086"));
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
		DemoReceiver receiver = new DemoReceiver(System.out);
		server.setExecutor(Executors.newSingleThreadExecutor());
		server.createContext("/", receiver::handle);
		server.start();
		System.out.printf("%s demo receiver listening on http://127.0.0.1:%d/notifications%n", Instant.now(), port);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		int status = 204;
		try {
			print(exchange.getRequestHeaders().getFirst("Keystone-Notification-Id"),
					new String(body, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			this.out.printf("%s unreadable notification: %s%n", Instant.now(), ex.getMessage());
			status = 400;
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** Prints a notification as the lines a person reads. */
	void print(String notificationId, String json) throws IOException {
		JsonNode notification = this.mapper.readTree(json);
		JsonNode alerts = notification.path("alerts");
		this.out.printf("%s NOTIFICATION %s %s: %s (%d alert%s, id %s)%n", Instant.now(),
				notification.path("transition").asText("?").toUpperCase(java.util.Locale.ROOT),
				notification.path("groupKey").asText(), notification.path("summary").asText(), alerts.size(),
				(alerts.size() == 1) ? "" : "s", notificationId);
		for (JsonNode alert : alerts) {
			this.out.printf("    %-12s %-8s %s  [%s]%n", alert.path("state").asText(), alert.path("severity").asText(),
					alert.path("summary").asText(), alert.path("alertId").asText());
		}
		this.out.flush();
	}

}
