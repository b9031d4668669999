package dev.keystone.processing.viewers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctSessionsTests {

	private final ViewerSketch settings = new ViewerSketch(3, 12);

	@Test
	void countsExactlyUpToTheLimit() throws IOException {
		DistinctSessions sessions = new DistinctSessions(this.settings);
		sessions.add("a");
		sessions.add("b");
		sessions.add("a");
		sessions.add("c");

		DistinctSessions restored = roundTrip(sessions);
		assertThat(restored.isSketched()).isFalse();
		assertThat(restored.count()).isEqualTo(3);
		restored.add("c");
		assertThat(restored.count()).isEqualTo(3);
	}

	@Test
	void keepsCountingInTheSketchAfterARoundTrip() throws IOException {
		DistinctSessions sessions = new DistinctSessions(this.settings);
		for (String session : new String[] { "a", "b", "c", "d" }) {
			sessions.add(session);
		}

		DistinctSessions restored = roundTrip(sessions);
		assertThat(restored.isSketched()).isTrue();
		restored.add("a");
		restored.add("e");
		assertThat(restored.count()).isEqualTo(5);
	}

	private DistinctSessions roundTrip(DistinctSessions sessions) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			sessions.writeTo(out);
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			return DistinctSessions.readFrom(in, this.settings);
		}
	}

}
