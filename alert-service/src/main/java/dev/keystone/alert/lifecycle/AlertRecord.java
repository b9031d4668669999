package dev.keystone.alert.lifecycle;

import java.util.List;

import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;

/**
 * An alert as kept on the compacted state topic, with its newest anomalies in full: what
 * the read API serves.
 *
 * @param alert the alert
 * @param anomalies its newest anomalies, oldest first (bounded)
 */
public record AlertRecord(Alert alert, List<Anomaly> anomalies) {

}
