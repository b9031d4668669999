package dev.keystone.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import org.springframework.test.context.DynamicPropertyRegistry;
import dev.keystone.events.http.KeystoneHeaders;

/**
 * Stand-ins for the four services behind the gateway: each answers with its own name,
 * remembers the headers of the last request, and ingest reports a configurable event
 * count the way the real one does.
 */
final class FakeServices implements AutoCloseable {

	private static final int BACKLOG = 128;

	/** Milliseconds a stand-in waits before answering, for a service that hangs. */
	static final String STALL_HEADER = "Fake-Stall-Millis";

	private final Map<String, HttpServer> servers = new ConcurrentHashMap<>();

	final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();

	final Map<String, String> lastBodies = new ConcurrentHashMap<>();

	volatile int eventCount = 1;

	/**
	 * Points the gateway's ingest, routing and alert routes at these stand-ins; each test
	 * decides what stands behind recommendation.
	 */
	void serveBehind(DynamicPropertyRegistry registry) {
		registry.add("INGEST_URL", () -> url("ingest"));
		registry.add("ROUTING_URL", () -> url("routing"));
		registry.add("ALERT_URL", () -> url("alert"));
	}

	static FakeServices start() {
		FakeServices services = new FakeServices();
		try {
			for (String service : new String[] { "ingest", "routing", "alert", "recommendation" }) {
				HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
				// Handlers on a pool of their own: on the server's one dispatcher
				// thread, a burst of concurrent requests could leave a later one waiting.
				server.setExecutor(Executors.newCachedThreadPool((task) -> {
					Thread thread = new Thread(task, "fake-" + service);
					thread.setDaemon(true);
					return thread;
				}));
				services.servers.put(service, server);
				server.createContext("/", (exchange) -> {
					services.lastHeaders.put(service, exchange.getRequestHeaders());
					services.lastBodies.put(service,
							new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
					stall(exchange.getRequestHeaders().getFirst(STALL_HEADER));
					byte[] body = ("{\"service\":\"" + service + "\",\"path\":\"" + exchange.getRequestURI().getPath()
							+ "\"}")
						.getBytes(StandardCharsets.UTF_8);
					exchange.getResponseHeaders().set("Content-Type", "application/json");
					if (service.equals("ingest")) {
						exchange.getResponseHeaders()
							.set(KeystoneHeaders.EVENT_COUNT, String.valueOf(services.eventCount));
					}
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				});
				server.start();
			}
			return services;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void stall(String millis) {
		if (millis == null) {
			return;
		}
		try {
			Thread.sleep(Long.parseLong(millis));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	String url(String service) {
		return "http://127.0.0.1:" + this.servers.get(service).getAddress().getPort();
	}

	@Override
	public void close() {
		this.servers.values().forEach((server) -> server.stop(0));
	}

}
