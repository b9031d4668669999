package dev.keystone.processing.windowing;

import dev.keystone.events.Event;

/**
 * A cleansed event as its partition's clock found it: summed into its open windows, or
 * {@code late} because its windows had already closed. Either way it goes on to be
 * enriched and stored.
 */
public record Arrival(Event event, boolean late) implements Staged {

}
