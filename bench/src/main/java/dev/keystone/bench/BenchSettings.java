package dev.keystone.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where the servers and services of a run are, and how long and hard to load them. Read
 * from {@code BENCH_*} environment variables, which {@code bench/run} sets.
 *
 * @param kafka bootstrap servers
 * @param elasticsearch base URI
 * @param cassandra {@code host:port}
 * @param ingest base URI of ingest-service
 * @param gateway base URI of the gateway
 * @param routing base URI of routing-service
 * @param apiKey the gateway key of the run
 * @param kafkaLib the Kafka jars the launcher fetched (ProducerPerformance lives there)
 * @param root the repository root
 * @param state a directory for what one phase of a scenario hands to the next
 * @param warmup load before measuring
 * @param duration measured load period
 * @param connections concurrent keep-alive connections of the load generator
 * @param events enriched events preloaded for the routing scenario
 * @param counts viewer counts preloaded for the routing scenario
 * @param gatewayPid process id of the gateway, whose CPU time the gateway scenario reads
 * @param ingestPid process id of ingest-service
 */
record BenchSettings(String kafka, URI elasticsearch, String cassandra, URI ingest, URI gateway, URI routing,
		String apiKey, Path kafkaLib, Path root, Path state, Duration warmup, Duration duration, int connections,
		int events, int counts, long gatewayPid, long ingestPid) {

	static BenchSettings fromEnvironment() {
		Map<String, String> env = System.getenv();
		return new BenchSettings(env.getOrDefault("BENCH_KAFKA", "127.0.0.1:29092"),
				URI.create(env.getOrDefault("BENCH_ELASTICSEARCH", "http://127.0.0.1:29200")),
				env.getOrDefault("BENCH_CASSANDRA", "127.0.0.1:29042"),
				URI.create(env.getOrDefault("BENCH_INGEST_URL", "http://127.0.0.1:28081")),
				URI.create(env.getOrDefault("BENCH_GATEWAY_URL", "http://127.0.0.1:28080")),
				URI.create(env.getOrDefault("BENCH_ROUTING_URL", "http://127.0.0.1:28083")),
				env.getOrDefault("BENCH_API_KEY", ""), Path.of(env.getOrDefault("BENCH_KAFKA_LIB", ".")),
				Path.of(env.getOrDefault("BENCH_ROOT", ".")), Path.of(env.getOrDefault("BENCH_STATE", ".")),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_WARMUP", "20"))),
				Duration.ofSeconds(Long.parseLong(env.getOrDefault("BENCH_DURATION", "20"))),
				Integer.parseInt(env.getOrDefault("BENCH_CONNECTIONS", "48")),
				Integer.parseInt(env.getOrDefault("BENCH_EVENTS", "200000")),
				Integer.parseInt(env.getOrDefault("BENCH_COUNTS", "100000")),
				Long.parseLong(env.getOrDefault("BENCH_GATEWAY_PID", "-1")),
				Long.parseLong(env.getOrDefault("BENCH_INGEST_PID", "-1")));
	}

}
