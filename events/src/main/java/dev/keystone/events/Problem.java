package dev.keystone.events;

/**
 * One thing wrong with one field of an event. {@code field} is empty when the problem is
 * the event as a whole.
 */
public record Problem(String field, String message) {

}
