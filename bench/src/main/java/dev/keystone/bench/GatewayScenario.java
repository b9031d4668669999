package dev.keystone.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * 100-event batches through the gateway with an API key against the same load straight to
 * ingest-service. Both get a warm-up, then the measured periods alternate so drift on a
 * shared machine falls on both alike.
 */
final class GatewayScenario {

	private static final int ROUNDS = 2;

	private final BenchSettings settings;

	GatewayScenario(BenchSettings settings) {
		this.settings = settings;
	}

	void run() throws InterruptedException {
		List<LoadGenerator.Body> batches = new PlaybackEvents().batches(400, 100);
		LoadGenerator load = new LoadGenerator(this.settings.connections());
		LoadGenerator.Target direct = new LoadGenerator.Target("direct to ingest", this.settings.ingest(), "/v1/events",
				Map.of());
		LoadGenerator.Target gateway = new LoadGenerator.Target("through the gateway", this.settings.gateway(),
				"/v1/events", Map.of("X-API-Key", this.settings.apiKey()));
		Duration period = this.settings.duration().dividedBy(ROUNDS);
		load.run(direct, batches, this.settings.warmup(), Duration.ZERO);
		load.run(gateway, batches, this.settings.warmup(), Duration.ZERO);
		LoadGenerator.Result directResult = null;
		LoadGenerator.Result gatewayResult = null;
		for (int round = 0; round < ROUNDS; round++) {
			LoadGenerator.Result d = load.run(direct, batches, Duration.ZERO, period);
			LoadGenerator.Result g = load.run(gateway, batches, Duration.ZERO, period);
			directResult = (directResult != null) ? directResult.plus(d) : d;
			gatewayResult = (gatewayResult != null) ? gatewayResult.plus(g) : g;
		}
		Report.figure("load generator connections", this.settings.connections(), "connections");
		Report.figure("measured time per target (" + ROUNDS + " alternating periods)", directResult.seconds(), "s");
		directResult.print("direct, 100-event batches:");
		gatewayResult.print("gateway, 100-event batches:");
		Report.ratio("gateway events/s ÷ direct events/s",
				gatewayResult.eventsPerSecond() / directResult.eventsPerSecond());
	}

}
