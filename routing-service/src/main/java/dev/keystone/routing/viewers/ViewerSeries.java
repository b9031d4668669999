package dev.keystone.routing.viewers;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /v1/titles/{titleId}/viewers}: a title's viewers per window, oldest first.
 *
 * @param titleId the title asked for
 * @param window the window label, {@code 10s} or {@code 1m}
 * @param points one per stored window in the range
 * @param asOf end of the newest closed window the store holds for this window size; null
 * when it holds none
 */
record ViewerSeries(String titleId, String window, List<Point> points, Instant asOf) {

	/**
	 * One window of the series.
	 *
	 * @param start first instant of the window
	 * @param end first instant after it
	 * @param viewers distinct playback sessions in the window
	 */
	record Point(Instant start, Instant end, long viewers) {

	}

}
