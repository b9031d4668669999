package dev.keystone.processing.windowing;

/**
 * What a merging task emits as windows close: each {@link ClosedWindow}, then a
 * {@link ClosedThrough} saying every window of its keys ending by then has been emitted.
 */
public sealed interface Closing permits ClosedWindow, ClosedThrough {

}
