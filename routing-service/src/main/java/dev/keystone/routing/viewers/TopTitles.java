package dev.keystone.routing.viewers;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/viewers/top}: the most watched titles of the latest closed window.
 *
 * @param window the window label
 * @param start first instant of the window
 * @param end first instant after it
 * @param titles most viewers first
 * @param asOf the window's end: how fresh the answer is
 */
record TopTitles(String window, Instant start, Instant end, List<Title> titles, Instant asOf) {

	/**
	 * One title of the ranking.
	 *
	 * @param titleId the title
	 * @param name its name from the catalog, null when the catalog has none
	 * @param viewers distinct playback sessions in the window
	 */
	record Title(String titleId, String name, long viewers) {

	}

}
