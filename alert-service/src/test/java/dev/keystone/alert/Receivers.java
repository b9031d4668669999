package dev.keystone.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Real HTTP receivers on a local port, one path per receiver type, recording what they
 * took; a receiver can be made to fail (503) for a while.
 */
public final class Receivers implements AutoCloseable {

	private final HttpServer server;

	private final ObjectMapper mapper = new ObjectMapper();

	private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	/** One body a receiver took, with the notification id it came with. */
	public record Received(String notificationId, JsonNode body) {

	}

	private Receivers(HttpServer server) {
		this.server = server;
	}

	public static Receivers start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
			server.setExecutor(Executors.newCachedThreadPool());
			Receivers receivers = new Receivers(server);
			server.createContext("/", (exchange) -> {
				String path = exchange.getRequestURI().getPath().substring(1);
				byte[] body = exchange.getRequestBody().readAllBytes();
				int status = 200;
				if (receivers.down.contains(path)) {
					status = 503;
				}
				else {
					receivers.received.computeIfAbsent(path, (p) -> new CopyOnWriteArrayList<>())
						.add(new Received(exchange.getRequestHeaders().getFirst("Keystone-Notification-Id"),
								receivers.mapper.readTree(new String(body, StandardCharsets.UTF_8))));
				}
				exchange.sendResponseHeaders(status, -1);
				exchange.close();
			});
			server.start();
			return receivers;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/" + path;
	}

	/**
	 * The environment of alert-service naming one receiver of each type, at these paths.
	 */
	public Map<String, String> environment(String... typesAndNames) {
		Map<String, String> environment = new HashMap<>();
		for (int i = 0; i < typesAndNames.length; i++) {
			String type = typesAndNames[i];
			String prefix = "KEYSTONE_ALERT_RECEIVERS_" + i + "_";
			environment.put(prefix + "NAME", type);
			environment.put(prefix + "TYPE", type);
			environment.put(prefix + "URL", url(type));
			if (type.equals("pagerduty")) {
				environment.put(prefix + "ROUTING_KEY", "R0UT1NGKEY");
			}
		}
		environment.put("KEYSTONE_ALERT_DELIVERY_INITIAL_BACKOFF", "200ms");
		environment.put("KEYSTONE_ALERT_DELIVERY_MAX_BACKOFF", "1s");
		return environment;
	}

	public List<Received> received(String path) {
		return new ArrayList<>(this.received.getOrDefault(path, List.of()));
	}

	public void down(String path, boolean isDown) {
		if (isDown) {
			this.down.add(path);
		}
		else {
			this.down.remove(path);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
