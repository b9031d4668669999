package dev.keystone.processing.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.keystone.events.EventType;
import dev.keystone.processing.viewers.DistinctSessions;
import dev.keystone.processing.viewers.ViewerSketch;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The counts of one scope in one window, from which every metric is computed.
 */
final class ScopeWindow {

	private final DistinctSessions sessions;

	private long events;

	private long playbackEvents;

	private long playStarts;

	private long playbackErrors;

	private long bufferingStarts;

	private long crashes;

	ScopeWindow(DistinctSessions sessions) {
		this.sessions = sessions;
	}

	ScopeWindow add(Signal signal) {
		this.events++;
		EventType type = signal.type();
		if (type.isPlayback()) {
			this.playbackEvents++;
			if (signal.sessionId() != null) {
				this.sessions.add(signal.sessionId());
			}
		}
		switch (type) {
			case PLAY_START -> this.playStarts++;
			case PLAYBACK_ERROR -> this.playbackErrors++;
			case BUFFERING_START -> this.bufferingStarts++;
			case CRASH -> this.crashes++;
			default -> {
			}
		}
		return this;
	}

	long events() {
		return this.events;
	}

	long playbackEvents() {
		return this.playbackEvents;
	}

	long playStarts() {
		return this.playStarts;
	}

	long playbackErrors() {
		return this.playbackErrors;
	}

	long bufferingStarts() {
		return this.bufferingStarts;
	}

	long crashes() {
		return this.crashes;
	}

	long viewers() {
		return this.sessions.count();
	}

	static Serde<ScopeWindow> serde(ViewerSketch sketch) {
		return Serdes.serdeFrom((topic, window) -> (window != null) ? window.bytes() : null,
				(topic, bytes) -> (bytes != null) ? read(bytes, sketch) : null);
	}

	private byte[] bytes() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeLong(this.events);
			out.writeLong(this.playbackEvents);
			out.writeLong(this.playStarts);
			out.writeLong(this.playbackErrors);
			out.writeLong(this.bufferingStarts);
			out.writeLong(this.crashes);
			this.sessions.writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	private static ScopeWindow read(byte[] bytes, ViewerSketch sketch) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			long events = in.readLong();
			long playbackEvents = in.readLong();
			long playStarts = in.readLong();
			long playbackErrors = in.readLong();
			long bufferingStarts = in.readLong();
			long crashes = in.readLong();
			ScopeWindow window = new ScopeWindow(DistinctSessions.readFrom(in, sketch));
			window.events = events;
			window.playbackEvents = playbackEvents;
			window.playStarts = playStarts;
			window.playbackErrors = playbackErrors;
			window.bufferingStarts = bufferingStarts;
			window.crashes = crashes;
			return window;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
