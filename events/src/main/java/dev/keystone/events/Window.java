package dev.keystone.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The window sizes the processor counts viewers in, by the label {@code viewers.counts}
 * and the read API use for them.
 */
public enum Window {

	TEN_SECONDS(Labels.TEN_SECONDS, Duration.ofSeconds(10)),

	ONE_MINUTE(Labels.ONE_MINUTE, Duration.ofMinutes(1));

	private static final List<String> LABELS = Arrays.stream(values()).map(Window::label).toList();

	private final String label;

	private final Duration duration;

	Window(String label, Duration duration) {
		this.label = label;
		this.duration = duration;
	}

	public String label() {
		return this.label;
	}

	public Duration duration() {
		return this.duration;
	}

	/** The window with this label, or empty for a label no window has. */
	public static Optional<Window> ofLabel(String label) {
		for (Window window : values()) {
			if (window.label.equals(label)) {
				return Optional.of(window);
			}
		}
		return Optional.empty();
	}

	/** Every label, smallest window first. */
	public static List<String> labels() {
		return LABELS;
	}

	/**
	 * The labels as compile-time constants, for annotation defaults such as
	 * {@code @RequestParam(defaultValue = ...)}.
	 */
	public static final class Labels {

		public static final String TEN_SECONDS = "10s";

		public static final String ONE_MINUTE = "1m";

		private Labels() {
		}

	}

}
