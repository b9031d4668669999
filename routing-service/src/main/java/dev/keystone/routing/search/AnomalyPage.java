package dev.keystone.routing.search;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/anomalies}: detected anomalies, newest first.
 *
 * @param total how many anomalies match in all
 * @param anomalies the anomalies as stored
 */
record AnomalyPage(long total, List<ObjectNode> anomalies) {

}
