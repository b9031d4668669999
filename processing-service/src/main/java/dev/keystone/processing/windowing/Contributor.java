package dev.keystone.processing.windowing;

import java.util.function.Consumer;

import dev.keystone.events.Event;

/**
 * Turns an on-time event into the window contributions of one feature.
 */
@FunctionalInterface
public interface Contributor {

	void contribute(Event event, Consumer<Contribution> into);

}
