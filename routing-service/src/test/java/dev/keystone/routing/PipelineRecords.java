package dev.keystone.routing;

import java.time.Instant;

/**
 * Records as the processing service writes them to the topics this service reads.
 */
public final class PipelineRecords {

	private PipelineRecords() {
	}

	public static String enriched(String eventId, String titleId, String titleName, String type, Instant timestamp,
			String country) {
		String title = (titleName != null) ? "{\"name\": \"%s\", \"genres\": [\"drama\"]}".formatted(titleName)
				: "null";
		return """
				{"eventId": "%s", "type": "%s", "timestamp": "%s", "deviceId": "dev-%s", "deviceType": "tv",
				 "profileId": "p-1", "sessionId": "s-%s", "titleId": "%s", "positionMs": 1000, "country": "%s",
				 "appVersion": "7.1.0", "properties": {"cdn": "edge-%s"}, "receivedAt": "%s", "ingestId": "i-1",
				 "title": %s, "deviceClass": "tv", "processedAt": "%s"}""".formatted(eventId, type, timestamp, eventId,
				eventId, titleId, country, eventId, timestamp, title, timestamp.plusMillis(5));
	}

	/** An enriched event that arrived after its windows had closed. */
	public static String lateEnriched(String eventId, String titleId, String titleName, String type, Instant timestamp,
			String country) {
		return enriched(eventId, titleId, titleName, type, timestamp, country).replace("\"processedAt\"",
				"\"late\": true, \"processedAt\"");
	}

	public static String viewerCount(String titleId, String window, Instant start, Instant end, long viewers) {
		return "{\"titleId\": \"%s\", \"window\": \"%s\", \"start\": \"%s\", \"end\": \"%s\", \"viewers\": %d, \"events\": %d}"
			.formatted(titleId, window, start, end, viewers, viewers * 3);
	}

	public static String anomaly(String anomalyId, String scope, Instant windowStart, String severity) {
		return """
				{"anomalyId": "%s", "metric": "error_rate", "scope": "%s", "windowStart": "%s", "windowEnd": "%s",
				 "observed": 0.4, "expected": 0.02, "score": 7.5, "severity": "%s", "detectedAt": "%s"}""".formatted(
				anomalyId, scope, windowStart, windowStart.plusSeconds(60), severity, windowStart.plusSeconds(70));
	}

}
