package dev.keystone.alert.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.keystone.alert.delivery.ReceiverSettings.Receiver;

/**
 * Posts one body to one receiver and says whether to try again: a 2xx is delivered; a
 * refusal of the body (4xx other than 408 and 429) will not change by retrying; anything
 * else (5xx, 408, 429, no connection, a timeout) may.
 */
final class ReceiverClient {

	static final String NOTIFICATION_ID_HEADER = "Keystone-Notification-Id";

	enum Outcome {

		DELIVERED, RETRY, REFUSED

	}

	private final HttpClient http;

	private final Duration timeout;

	ReceiverClient(Duration timeout) {
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
	}

	Outcome post(Receiver receiver, String notificationId, String body) throws InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(receiver.url())
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("User-Agent", "keystone-alert-service")
			.header(NOTIFICATION_ID_HEADER, notificationId)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			int status = this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status >= 200 && status < 300) {
				return Outcome.DELIVERED;
			}
			boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
			return refused ? Outcome.REFUSED : Outcome.RETRY;
		}
		catch (IOException ex) {
			return Outcome.RETRY;
		}
	}

}
