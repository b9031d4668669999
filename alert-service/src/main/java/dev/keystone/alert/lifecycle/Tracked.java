package dev.keystone.alert.lifecycle;

import java.time.Instant;
import java.util.List;

import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;

/**
 * An alert group the lifecycle is following: pending (anomalies seen, not yet enough
 * windows to fire) or live (firing or acknowledged).
 *
 * @param alert the alert; its state is meaningless while pending
 * @param live whether it has fired
 * @param anomalies its newest anomalies
 * @param windows start times of the one-minute windows with anomalies, for {@code for}
 * @param quietSinceMs wall time of the newest anomaly
 * @param firingSent whether receivers were sent its firing
 * @param notifiedAtMs wall time of its last firing or repeat notification
 * @param unpublished whether it changed (new anomalies, no new state) since its form on
 * the state topic was written; the next tick writes it, so a burst of anomalies is one
 * record there, not one per anomaly
 */
record Tracked(Alert alert, boolean live, List<Anomaly> anomalies, List<Instant> windows, long quietSinceMs,
		boolean firingSent, long notifiedAtMs, boolean unpublished) {

	Tracked with(Alert alert) {
		return new Tracked(alert, this.live, this.anomalies, this.windows, this.quietSinceMs, this.firingSent,
				this.notifiedAtMs, this.unpublished);
	}

	Tracked notified(long now) {
		return new Tracked(this.alert, this.live, this.anomalies, this.windows, this.quietSinceMs, true, now,
				this.unpublished);
	}

	Tracked published(boolean unpublished) {
		return new Tracked(this.alert, this.live, this.anomalies, this.windows, this.quietSinceMs, this.firingSent,
				this.notifiedAtMs, unpublished);
	}

}
