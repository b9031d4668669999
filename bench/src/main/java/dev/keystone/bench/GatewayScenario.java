package dev.keystone.bench;

import java.nio.file.Path;
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
		String library = System.getenv("BENCH_PROFILER");
		AsyncProfiler profiler = (library != null && !library.isBlank()) ? new AsyncProfiler(Path.of(library)) : null;
		if (profiler != null) {
			profiler.start(this.settings.gatewayPid());
			profiler.start(this.settings.ingestPid());
		}
		ProcessCpu gatewayCpu = new ProcessCpu(this.settings.gatewayPid());
		ProcessCpu ingestCpu = new ProcessCpu(this.settings.ingestPid());
		long ingestDirectNanos = 0;
		long ingestBehindGatewayNanos = 0;
		long gatewayNanos = 0;
		long gatewayCompilerNanos = 0;
		for (int round = 0; round < ROUNDS; round++) {
			long ingestBefore = ingestCpu.nanos();
			LoadGenerator.Result d = load.run(direct, batches, Duration.ZERO, period);
			long ingestBetween = ingestCpu.nanos();
			long gatewayBefore = gatewayCpu.nanos();
			long gatewayCompilerBefore = gatewayCpu.compilerNanos();
			LoadGenerator.Result g = load.run(gateway, batches, Duration.ZERO, period);
			gatewayNanos += gatewayCpu.nanos() - gatewayBefore;
			gatewayCompilerNanos += gatewayCpu.compilerNanos() - gatewayCompilerBefore;
			ingestBehindGatewayNanos += ingestCpu.nanos() - ingestBetween;
			ingestDirectNanos += ingestBetween - ingestBefore;
			directResult = (directResult != null) ? directResult.plus(d) : d;
			gatewayResult = (gatewayResult != null) ? gatewayResult.plus(g) : g;
		}
		if (profiler != null) {
			profiler.stop(this.settings.gatewayPid(), this.settings.state().resolve("gateway-profile.collapsed"));
			profiler.stop(this.settings.ingestPid(), this.settings.state().resolve("ingest-profile.collapsed"));
		}
		Report.figure("load generator connections", this.settings.connections(), "connections");
		Report.figure("measured time per target (" + ROUNDS + " alternating periods)", directResult.seconds(), "s");
		directResult.print("direct, 100-event batches:");
		gatewayResult.print("gateway, 100-event batches:");
		Report.figure("ingest-service CPU per request, direct", cpuMillisPerRequest(ingestDirectNanos, directResult),
				"ms/request");
		Report.figure("ingest-service CPU per request, through the gateway",
				cpuMillisPerRequest(ingestBehindGatewayNanos, gatewayResult), "ms/request");
		Report.figure("gateway JIT compiler threads' share of its CPU",
				100.0 * gatewayCompilerNanos / Math.max(1, gatewayNanos), "%");
		Report.figure("gateway CPU per proxied request, JIT compiler threads left out",
				cpuMillisPerRequest(gatewayNanos - gatewayCompilerNanos, gatewayResult), "ms/request");
		Report.figure("gateway CPU per proxied request (goal ≤ 0.5)", cpuMillisPerRequest(gatewayNanos, gatewayResult),
				"ms/request");
		Report.ratio("gateway events/s ÷ direct events/s",
				gatewayResult.eventsPerSecond() / directResult.eventsPerSecond());
	}

	/** CPU a process used over the measured periods, per request answered in them. */
	private static double cpuMillisPerRequest(long cpuNanos, LoadGenerator.Result result) {
		return cpuNanos / 1e6 / Math.max(1, result.acceptedRequests());
	}

}
