package dev.keystone.processing.viewers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The running aggregate of one title's window: its distinct sessions and how many
 * playback events it saw.
 */
final class ViewerTally {

	private final DistinctSessions sessions;

	private long events;

	ViewerTally(DistinctSessions sessions, long events) {
		this.sessions = sessions;
		this.events = events;
	}

	ViewerTally add(String sessionId) {
		this.sessions.add(sessionId);
		this.events++;
		return this;
	}

	long viewers() {
		return this.sessions.count();
	}

	long events() {
		return this.events;
	}

	/** A compact binary form: the window store and its changelog hold one per window. */
	static Serde<ViewerTally> serde(ViewerSketch settings) {
		return Serdes.serdeFrom((topic, tally) -> (tally != null) ? tally.bytes() : null,
				(topic, bytes) -> (bytes != null) ? read(bytes, settings) : null);
	}

	private byte[] bytes() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeLong(this.events);
			this.sessions.writeTo(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	private static ViewerTally read(byte[] bytes, ViewerSketch settings) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			long events = in.readLong();
			return new ViewerTally(DistinctSessions.readFrom(in, settings), events);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
