package dev.keystone.events.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CleanStopMarkerTests {

	@TempDir
	Path state;

	@BeforeEach
	void tasksWithCheckpoints() throws IOException {
		for (String directory : new String[] { "0_0", "0_1", "global" }) {
			Files.writeString(Files.createDirectories(this.state.resolve(directory)).resolve(".checkpoint"),
					"0\n1\nchangelog 0 312\n");
		}
	}

	@Test
	void afterAStopWithoutTheMarkTheTaskCheckpointsAreDeleted() {
		assertThat(CleanStopMarker.distrustCheckpointsUnlessStoppedCleanly(this.state)).hasSize(2);

		assertThat(this.state.resolve("0_0/.checkpoint")).doesNotExist();
		assertThat(this.state.resolve("0_1/.checkpoint")).doesNotExist();
		assertThat(this.state.resolve("global/.checkpoint")).exists();
	}

	@Test
	void afterACleanCloseTheCheckpointsStayAndTheMarkIsUsedUp() {
		assertThat(CleanStopMarker.markIfClosedCleanly(this.state, KafkaStreams.State.NOT_RUNNING)).isTrue();

		assertThat(CleanStopMarker.distrustCheckpointsUnlessStoppedCleanly(this.state)).isEmpty();

		assertThat(this.state.resolve("0_0/.checkpoint")).exists();
		assertThat(this.state.resolve(CleanStopMarker.MARKER)).doesNotExist();
		assertThat(CleanStopMarker.distrustCheckpointsUnlessStoppedCleanly(this.state)).hasSize(2);
	}

	@Test
	void aCloseThatFailedOrTimedOutLeavesNoMark() {
		assertThat(CleanStopMarker.markIfClosedCleanly(this.state, KafkaStreams.State.ERROR)).isFalse();
		assertThat(CleanStopMarker.markIfClosedCleanly(this.state, KafkaStreams.State.PENDING_SHUTDOWN)).isFalse();

		assertThat(this.state.resolve(CleanStopMarker.MARKER)).doesNotExist();
	}

	@Test
	void aFirstStartHasNothingToDistrust(@TempDir Path empty) {
		assertThat(CleanStopMarker.distrustCheckpointsUnlessStoppedCleanly(empty.resolve("new-application"))).isEmpty();
	}

}
