package dev.keystone.routing.viewers;

import java.time.Instant;

/**
 * {@code GET /v1/titles/{titleId}/viewers/current}: the title's latest closed window.
 *
 * @param titleId the title asked for
 * @param window the window label
 * @param start first instant of the window
 * @param end first instant after it
 * @param viewers distinct playback sessions in the window
 * @param asOf end of the newest closed window the store holds for this window size
 */
record CurrentViewers(String titleId, String window, Instant start, Instant end, long viewers, Instant asOf) {

}
