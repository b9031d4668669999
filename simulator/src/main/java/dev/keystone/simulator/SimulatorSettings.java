package dev.keystone.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What to simulate, from the environment ({@code SIMULATOR_*}), so the launcher and the
 * benchmark configure it the same way.
 *
 * @param ingestUrl base URL of ingest or the gateway
 * @param apiKey sent as {@code X-API-Key} when set (needed through the gateway)
 * @param rate target events per second
 * @param devices devices in the fleet; by default enough for a heartbeat every five
 * seconds each
 * @param duration how long to run; zero runs until stopped
 * @param seed makes a run repeatable
 * @param incident an incident to inject, if any
 * @param webViaSegment whether browsers send as Segment's browser SDK does, instead of
 * Keystone's own format
 */
record SimulatorSettings(String ingestUrl, String apiKey, int rate, int devices, Duration duration, long seed,
		Optional<Incident> incident, boolean webViaSegment) {

	static SimulatorSettings fromEnvironment(Map<String, String> env) {
		int rate = Integer.parseInt(env.getOrDefault("SIMULATOR_RATE", "200"));
		if (rate < 1) {
			throw new IllegalArgumentException("SIMULATOR_RATE must be at least 1 event per second");
		}
		int devices = Integer.parseInt(env.getOrDefault("SIMULATOR_DEVICES", String.valueOf(Math.max(10, rate * 5))));
		return new SimulatorSettings(env.getOrDefault("SIMULATOR_INGEST_URL", "http://localhost:8081"),
				env.get("SIMULATOR_API_KEY"), rate, devices,
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("SIMULATOR_DURATION_SECONDS", "0"))),
				Long.parseLong(env.getOrDefault("SIMULATOR_SEED", "42")),
				Optional.ofNullable(env.get("SIMULATOR_INCIDENT")).filter((s) -> !s.isBlank()).map(Incident::parse),
				Boolean.parseBoolean(env.getOrDefault("SIMULATOR_WEB_VIA_SEGMENT", "false")));
	}

}
