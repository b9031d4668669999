package dev.keystone.alert.alerts;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The {@code alerts} topic's changes as Server-Sent Events, one {@code alert} event per
 * state change, to everyone listening on this replica.
 */
final class AlertFeed {

	private final List<SseEmitter> listeners = new CopyOnWriteArrayList<>();

	private final Duration timeout;

	AlertFeed(Duration timeout) {
		this.timeout = timeout;
	}

	SseEmitter listen() {
		SseEmitter emitter = new SseEmitter(this.timeout.toMillis());
		emitter.onCompletion(() -> this.listeners.remove(emitter));
		emitter.onTimeout(() -> this.listeners.remove(emitter));
		emitter.onError((ex) -> this.listeners.remove(emitter));
		this.listeners.add(emitter);
		try {
			emitter.send(SseEmitter.event().comment("keystone alerts"));
		}
		catch (IOException ex) {
			this.listeners.remove(emitter);
		}
		return emitter;
	}

	void changed(String alertId, String json) {
		if (json == null) {
			return;
		}
		for (SseEmitter emitter : this.listeners) {
			try {
				emitter.send(SseEmitter.event().name("alert").id(alertId).data(json, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				this.listeners.remove(emitter);
			}
		}
	}

}
