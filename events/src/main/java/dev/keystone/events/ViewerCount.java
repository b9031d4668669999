package dev.keystone.events;

import java.time.Instant;

/**
 * Distinct viewing sessions of one title (or {@code _all}) in one closed window, on
 * {@code viewers.counts}.
 */
public record ViewerCount(String titleId, String window, Instant start, Instant end, long viewers, long events) {

	public static final String ALL_TITLES = "_all";

}
