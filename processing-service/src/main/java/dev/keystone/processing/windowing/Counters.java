package dev.keystone.processing.windowing;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters a series keeps per key and window, as the feature that owns the series
 * names them: the distinct sessions first, then each declared {@link #sum} and
 * {@link #sessionSubset} in order. A layout is stored by position, in partials and in the
 * sums of open windows, so a running window survives an upgrade that adds counters at the
 * end (they read as zero until then); reordering or removing counters is not such an
 * upgrade.
 * <p>
 * A feature declares a layout once, as constants, and takes its handles from it:
 * <pre>{@code
 * static final Counters COUNTERS = Counters.sessions().sum("events").sessionSubset("error_sessions");
 * static final Counter EVENTS = COUNTERS.counter("events");
 * }</pre>
 */
public final class Counters {

	/** The position of the distinct-session count in every layout. */
	static final int SESSIONS = 0;

	private static final String SESSIONS_NAME = "sessions";

	private final List<Counter> counters;

	private final boolean[] countsSessions;

	private final int[] sessionSubsets;

	private Counters(List<String> names, List<Counter.Kind> kinds) {
		List<Counter> counters = new ArrayList<>(names.size());
		this.countsSessions = new boolean[names.size()];
		for (int i = 0; i < names.size(); i++) {
			counters.add(new Counter(names.get(i), kinds.get(i), i, this));
			this.countsSessions[i] = kinds.get(i) != Counter.Kind.SUM;
		}
		this.counters = List.copyOf(counters);
		this.sessionSubsets = counters.stream()
			.filter((counter) -> counter.kind() == Counter.Kind.SESSION_SUBSET)
			.mapToInt(Counter::index)
			.toArray();
	}

	/** A layout with the distinct sessions only, to declare further counters on. */
	public static Counters sessions() {
		return new Counters(List.of(SESSIONS_NAME), List.of(Counter.Kind.SESSIONS));
	}

	/** This layout and a counter summing what each contribution adds to it. */
	public Counters sum(String name) {
		return with(name, Counter.Kind.SUM);
	}

	/**
	 * This layout and a counter of the distinct sessions whose contributions mark it: a
	 * subset of the sessions, counted exactly even when the session count has gone over
	 * to a sketch, so it should stay a small share of them.
	 */
	public Counters sessionSubset(String name) {
		return with(name, Counter.Kind.SESSION_SUBSET);
	}

	/**
	 * The handle of a declared counter; {@code "sessions"} names the distinct sessions.
	 */
	public Counter counter(String name) {
		for (Counter counter : this.counters) {
			if (counter.name().equals(name)) {
				return counter;
			}
		}
		throw new IllegalArgumentException("no counter " + name + " in " + this);
	}

	/** The distinct sessions. */
	public Counter sessionCount() {
		return this.counters.get(SESSIONS);
	}

	public List<Counter> all() {
		return this.counters;
	}

	int size() {
		return this.counters.size();
	}

	boolean countsSessions(int index) {
		return this.countsSessions[index];
	}

	/** The positions of the session subsets. */
	int[] sessionSubsets() {
		return this.sessionSubsets;
	}

	private Counters with(String name, Counter.Kind kind) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("a counter needs a name");
		}
		if (this.counters.stream().anyMatch((counter) -> counter.name().equals(name))) {
			throw new IllegalArgumentException("counter " + name + " declared twice in " + this);
		}
		// The position travels as one byte in partials and tallies, and as one character
		// in the keys of session subsets.
		if (this.counters.size() >= Byte.MAX_VALUE) {
			throw new IllegalArgumentException("too many counters in " + this);
		}
		List<String> names = new ArrayList<>(this.counters.stream().map(Counter::name).toList());
		List<Counter.Kind> kinds = new ArrayList<>(this.counters.stream().map(Counter::kind).toList());
		names.add(name);
		kinds.add(kind);
		return new Counters(names, kinds);
	}

	@Override
	public String toString() {
		return this.counters.toString();
	}

}
