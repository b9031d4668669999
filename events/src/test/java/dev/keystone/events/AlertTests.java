package dev.keystone.events;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTests {

	static final Instant T0 = Instant.parse("2025-01-31T20:15:00Z");

	final Alert firing = new Alert("al-1", "error_rate:title:t1", "error_rate", "title:t1", Alert.State.FIRING,
			Severity.HIGH, "errors up", List.of("an-1"), 1, T0, T0, T0, T0, null, null, null, null, null,
			new Alert.Figures(0.2, 0.01, 5.0), Alert.Transition.FIRING);

	@Test
	void buildsTheSameAlertWhenNothingChanges() {
		assertThat(this.firing.toBuilder().build()).isEqualTo(this.firing);
	}

	@Test
	void changesOnlyWhatItIsTold() {
		Alert acknowledged = this.firing.toBuilder()
			.state(Alert.State.ACKNOWLEDGED)
			.acknowledged("ops", T0.plusSeconds(60))
			.updatedAt(T0.plusSeconds(60))
			.transition(null)
			.build();

		assertThat(acknowledged)
			.isEqualTo(new Alert("al-1", "error_rate:title:t1", "error_rate", "title:t1", Alert.State.ACKNOWLEDGED,
					Severity.HIGH, "errors up", List.of("an-1"), 1, T0, T0, T0, T0.plusSeconds(60), "ops",
					T0.plusSeconds(60), null, null, null, new Alert.Figures(0.2, 0.01, 5.0), null));
	}

	@Test
	void reportsATransitionWithoutChangingTheAlert() {
		Alert repeat = this.firing.withTransition(Alert.Transition.REPEAT);

		assertThat(repeat.transition()).isEqualTo(Alert.Transition.REPEAT);
		assertThat(repeat.toBuilder().transition(Alert.Transition.FIRING).build()).isEqualTo(this.firing);
	}

}
