package dev.keystone.processing.anomaly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import dev.keystone.events.EventType;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * What one event contributes to one scope's window: its type and session. Three of these
 * cross the repartition topic per event, so they carry nothing else.
 */
record Signal(EventType type, String sessionId) {

	static Serde<Signal> serde() {
		return Serdes.serdeFrom((topic, signal) -> (signal != null) ? signal.bytes() : null,
				(topic, bytes) -> (bytes != null) ? read(bytes) : null);
	}

	private byte[] bytes() {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(buffer)) {
			out.writeByte(this.type.ordinal());
			out.writeBoolean(this.sessionId != null);
			if (this.sessionId != null) {
				out.writeUTF(this.sessionId);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return buffer.toByteArray();
	}

	private static Signal read(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			EventType type = EventType.values()[in.readByte()];
			return new Signal(type, in.readBoolean() ? in.readUTF() : null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
