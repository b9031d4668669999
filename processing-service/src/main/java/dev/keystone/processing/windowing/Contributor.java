package dev.keystone.processing.windowing;

import java.util.List;
import java.util.function.Consumer;

import dev.keystone.events.Event;

/**
 * How a feature plugs into the windows: the series it keeps, and what an on-time event
 * contributes to them.
 */
public interface Contributor {

	/** Every series {@link #contribute} adds to. */
	List<Series> series();

	void contribute(Event event, Consumer<Contribution> into);

}
