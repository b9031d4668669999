package dev.keystone.events;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WindowTests {

	@Test
	void findsEachWindowByTheLabelOnTheTopic() {
		assertThat(Window.ofLabel("10s")).contains(Window.TEN_SECONDS);
		assertThat(Window.ofLabel("1m")).contains(Window.ONE_MINUTE);
		assertThat(Window.TEN_SECONDS.duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(Window.ONE_MINUTE.duration()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void knowsNoWindowForAnyOtherLabel() {
		assertThat(Window.ofLabel("5m")).isEmpty();
		assertThat(Window.ofLabel("10S")).isEmpty();
		assertThat(Window.ofLabel("")).isEmpty();
		assertThat(Window.ofLabel(null)).isEmpty();
	}

	@Test
	void listsTheLabelsSmallestFirst() {
		assertThat(Window.labels()).containsExactly("10s", "1m");
		assertThat(Window.Labels.TEN_SECONDS).isEqualTo(Window.TEN_SECONDS.label());
		assertThat(Window.Labels.ONE_MINUTE).isEqualTo(Window.ONE_MINUTE.label());
	}

}
