package dev.keystone.bench;

import java.util.List;

/**
 * Runs one scenario: {@code ingest}, {@code gateway}, {@code e2e},
 * {@code routing prepare}, {@code routing measure}, {@code processing prepare},
 * {@code processing flink viewers|pipeline} (started by prepare),
 * {@code processing measure}, {@code recommendations prepare},
 * {@code recommendations measure}, {@code alerts}, {@code faults} or {@code soak}.
 * {@code bench/run} starts the servers and services a scenario needs and passes their
 * addresses in {@link BenchSettings}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		BenchSettings settings = BenchSettings.fromEnvironment();
		String scenario = String.join(" ", List.of(args));
		switch (scenario) {
			case "ingest" -> new IngestScenario(settings).run();
			case "gateway" -> new GatewayScenario(settings).run();
			case "e2e" -> new EndToEndScenario(settings).run();
			case "routing prepare" -> new RoutingScenario(settings).prepare();
			case "routing measure" -> new RoutingScenario(settings).measure();
			case "processing prepare" -> new ProcessingScenario(settings).prepare();
			case "processing flink viewers" -> new ProcessingScenario(settings).flinkViewers();
			case "processing flink pipeline" -> new ProcessingScenario(settings).flinkPipeline();
			case "processing measure" -> new ProcessingScenario(settings).measure();
			case "alerts" -> new AlertScenario(settings).run();
			case "archive prepare" -> new ArchiveScenario(settings).prepare();
			case "archive measure" -> new ArchiveScenario(settings).measure();
			case "archive baseline" -> new ArchiveScenario(settings).baseline();
			case "faults" -> new FaultScenario(settings).run();
			case "soak" -> new SoakScenario(settings).run();
			case "recommendations prepare" -> new RecommendationScenario(settings).prepare();
			case "recommendations measure" -> new RecommendationScenario(settings).measure();
			default -> {
				System.err.println("usage: Bench ingest | gateway | e2e | routing prepare | routing measure"
						+ " | processing prepare | processing measure | recommendations prepare | recommendations measure"
						+ " | alerts | faults | soak");
				System.exit(2);
			}
		}
		System.exit(0);
	}

}
