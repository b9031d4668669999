package dev.keystone.processing.windowing;

/**
 * One named counter of a {@link Counters} layout: the handle a feature adds to and reads
 * a closed window with. It carries its position in the layout, so going through it costs
 * an array access, not a lookup.
 */
public final class Counter {

	enum Kind {

		/** The distinct sessions of the window, first in every layout. */
		SESSIONS,

		/** The distinct sessions of the contributions that name this counter. */
		SESSION_SUBSET,

		/** What the contributions add up to. */
		SUM

	}

	private final String name;

	private final Kind kind;

	private final int index;

	private final Counters layout;

	Counter(String name, Kind kind, int index, Counters layout) {
		this.name = name;
		this.kind = kind;
		this.index = index;
		this.layout = layout;
	}

	public String name() {
		return this.name;
	}

	/** Whether it counts distinct sessions rather than summing what is added. */
	public boolean countsSessions() {
		return this.kind != Kind.SUM;
	}

	Kind kind() {
		return this.kind;
	}

	int index() {
		return this.index;
	}

	/** Its position, checked to belong to {@code layout}. */
	int indexIn(Counters layout) {
		if (layout != this.layout) {
			throw new IllegalArgumentException("counter " + this.name + " is not one of " + layout);
		}
		return this.index;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
