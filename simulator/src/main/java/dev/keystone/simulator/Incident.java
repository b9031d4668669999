package dev.keystone.simulator;

import java.time.Duration;
import java.util.Locale;

/**
 * A spike of errors, buffering or crashes on one title, country or device type, for a
 * while, so anomaly detection has something to find. Written as
 * {@code errors:title=dark-s1e1:after=60s:for=120s}.
 *
 * @param kind what spikes
 * @param scope {@code title}, {@code country} or {@code deviceType}
 * @param value the title id, country code or device type affected
 * @param after delay from the start of the run
 * @param lasting how long the spike lasts
 */
record Incident(Kind kind, String scope, String value, Duration after, Duration lasting) {

	enum Kind {

		ERRORS, BUFFERING, CRASHES

	}

	static Incident parse(String spec) {
		String[] parts = spec.trim().split(":");
		if (parts.length < 2 || !parts[1].contains("=")) {
			throw new IllegalArgumentException(
					"incident must look like errors:title=<id>[:after=60s][:for=120s], not '" + spec + "'");
		}
		Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
		String[] target = parts[1].split("=", 2);
		if (!target[0].equals("title") && !target[0].equals("country") && !target[0].equals("deviceType")) {
			throw new IllegalArgumentException("incident scope must be title, country or deviceType");
		}
		Duration after = Duration.ZERO;
		Duration lasting = Duration.ofMinutes(5);
		for (int i = 2; i < parts.length; i++) {
			String[] option = parts[i].split("=", 2);
			Duration value = Duration.ofSeconds(Long.parseLong(option[1].replace("s", "")));
			if (option[0].equals("after")) {
				after = value;
			}
			else if (option[0].equals("for")) {
				lasting = value;
			}
		}
		return new Incident(kind, target[0], target[1], after, lasting);
	}

	boolean activeAt(Duration sinceStart) {
		return sinceStart.compareTo(this.after) >= 0 && sinceStart.compareTo(this.after.plus(this.lasting)) < 0;
	}

	boolean affects(String titleId, String country, String deviceType) {
		return switch (this.scope) {
			case "title" -> this.value.equals(titleId);
			case "country" -> this.value.equalsIgnoreCase(country);
			default -> this.value.equalsIgnoreCase(deviceType);
		};
	}

}
