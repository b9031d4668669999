package dev.keystone.processing.windowing;

import dev.keystone.events.Window;

/**
 * A kind of window a feature keeps: its window size and the {@link Counters} it sums per
 * key. Features declare their series as constants and hand them to the engine through
 * their {@link Contributor}.
 * <p>
 * The {@code id} names the series in store keys, in the changelogs and on the internal
 * partials topic, so it must stay the same across releases, be unique over all features
 * (the engine refuses to start otherwise) and never be reused for another series while
 * windows of the old one may still be open.
 */
public final class Series {

	/** The smallest window size; lateness and watermarks move in its steps. */
	static final long STEP_MS = Window.TEN_SECONDS.duration().toMillis();

	/** Ids travel as one byte. */
	static final int MAX_ID = Byte.MAX_VALUE;

	private final int id;

	private final String name;

	private final Window window;

	private final long sizeMs;

	private final Counters counters;

	/**
	 * @param id the stable identity of the series, from 0 to 127
	 * @param name for logs
	 */
	public Series(int id, String name, Window window, Counters counters) {
		if (id < 0 || id > MAX_ID) {
			throw new IllegalArgumentException("series " + name + ": id " + id + " is not within 0 to " + MAX_ID);
		}
		this.id = id;
		this.name = name;
		this.window = window;
		this.sizeMs = window.duration().toMillis();
		this.counters = counters;
	}

	public String name() {
		return this.name;
	}

	public Window window() {
		return this.window;
	}

	public String label() {
		return this.window.label();
	}

	public long sizeMs() {
		return this.sizeMs;
	}

	public Counters counters() {
		return this.counters;
	}

	int id() {
		return this.id;
	}

	long start(long time) {
		return Math.floorDiv(time, this.sizeMs) * this.sizeMs;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
