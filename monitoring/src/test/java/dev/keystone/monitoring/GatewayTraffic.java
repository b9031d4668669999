package dev.keystone.monitoring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What devices, readers and strangers send through the gateway, one round at a time:
 * playback events (with a resent duplicate, one invalid, one too old and one from the
 * future), reads of every service, and requests without a key, without the scope, and
 * over a key's rate, so that every panel has something to show.
 */
final class GatewayTraffic {

	static final String[] TITLES = { "monitoring-t1", "monitoring-t2", "monitoring-t3" };

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String gateway;

	private final String key;

	private final String readOnlyKey;

	private final String run;

	private final AtomicInteger round = new AtomicInteger();

	GatewayTraffic(String gateway, String key, String readOnlyKey, String run) {
		this.gateway = gateway;
		this.key = key;
		this.readOnlyKey = readOnlyKey;
		this.run = run;
	}

	void registerTitles() {
		for (String title : TITLES) {
			send(HttpRequest.newBuilder(uri("/v1/catalog/titles/" + title))
				.header("X-API-Key", this.key)
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + title + "\", \"genres\": [\"drama\"]}")));
		}
	}

	/** One round; failures are left to the panels that show them. */
	void round() {
		int n = this.round.incrementAndGet();
		Instant now = Instant.now();
		List<String> events = new ArrayList<>();
		for (int device = 0; device < 12; device++) {
			String title = TITLES[device % TITLES.length];
			events.add(event(n + "-" + device, (n == 1) ? "play_start" : "heartbeat", device, title, now));
		}
		events.add(event((n - 1) + "-0", "heartbeat", 0, TITLES[0], now));
		events.add("{\"type\": \"warp\", \"timestamp\": 1, \"deviceId\": \"d\"}");
		events.add(event(n + "-old", "heartbeat", 1, TITLES[1], now.minus(Duration.ofDays(8))));
		events.add(event(n + "-future", "heartbeat", 2, TITLES[2], now.plus(Duration.ofMinutes(10))));
		send(post("/v1/events", this.key, "[" + String.join(",", events) + "]"));
		send(post("/v1/events", this.readOnlyKey, "[]"));
		send(HttpRequest.newBuilder(uri("/v1/viewers/top?window=10s")).GET());
		for (String path : List.of("/v1/viewers/top?window=10s", "/v1/anomalies", "/v1/alerts", "/v1/trending",
				"/v1/recommendations/p-1", "/v1/titles/" + TITLES[0] + "/viewers?window=10s")) {
			send(HttpRequest.newBuilder(uri(path)).header("X-API-Key", this.key).GET());
		}
		for (int i = 0; i < 3; i++) {
			send(HttpRequest.newBuilder(uri("/v1/anomalies")).header("X-API-Key", this.readOnlyKey).GET());
		}
	}

	private String event(String id, String type, int device, String title, Instant time) {
		return """
				{"eventId": "%s-%s", "type": "%s", "timestamp": "%s", "deviceId": "monitoring-%d", "deviceType": "tv",
				 "sessionId": "%s-s%d", "titleId": "%s", "country": "DE", "profileId": "p-%d", "positionMs": %d}"""
			.formatted(this.run, id, type, time, device, this.run, device, title, device, this.round.get() * 1000L);
	}

	private HttpRequest.Builder post(String path, String apiKey, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("X-API-Key", apiKey)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private URI uri(String path) {
		return URI.create(this.gateway + path);
	}

	private static void send(HttpRequest.Builder request) {
		try {
			CLIENT.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			// A refused or timed-out request is what some panels are there to show.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
