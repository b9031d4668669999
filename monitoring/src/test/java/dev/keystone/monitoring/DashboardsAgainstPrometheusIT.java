package dev.keystone.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.testkit.ServiceProcess;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The dashboards proven against reality: the six services run from their jars on the real
 * servers, traffic flows through the gateway, a real Prometheus scrapes them and loads
 * the rules, and every query of every panel, its variables substituted as Grafana would,
 * must parse and return at least one series. A panel whose metric does not exist fails
 * the build with its title, unless {@code dashboards/may-be-empty.txt} says why it may be
 * empty.
 */
class DashboardsAgainstPrometheusIT {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

	private static final String KEY = "monitoring-" + UUID.randomUUID();

	private static final String READ_ONLY_KEY = "monitoring-read-" + UUID.randomUUID();

	/**
	 * What Grafana makes of {@code $__rate_interval} at this scrape interval, and some.
	 */
	private static final String RATE_INTERVAL = "20s";

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static PrometheusServer prometheus;

	private static ScheduledExecutorService traffic;

	/** The services start side by side: the common pool has one thread on two cores. */
	private static final ExecutorService starter = Executors.newFixedThreadPool(6);

	@BeforeAll
	static void startPipelineAndPrometheus() {
		Map<String, CompletableFuture<ServiceProcess>> starting = new LinkedHashMap<>();
		starting.put("ingest-service", start("ingest-service", Map.of()));
		starting.put("processing-service",
				start("processing-service", Map.of(),
						"--keystone.processing.streams.application-id=monitoring-processing-" + RUN,
						"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=target/processing-" + RUN,
						"--spring.cloud.stream.kafka.streams.binder.configuration.auto.offset.reset=latest"));
		starting.put("routing-service", start("routing-service", Map.of()));
		starting.put("alert-service",
				start("alert-service", Map.of(), "--keystone.alert.streams.application-id=monitoring-alert-" + RUN,
						"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=target/alert-" + RUN));
		starting.put("recommendation-service", start("recommendation-service", Map.of(),
				"--keystone.recommendation.streams.application-id=monitoring-recommendation-" + RUN,
				"--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=target/recommendation-" + RUN));
		Map<String, Integer> jobs = new LinkedHashMap<>();
		Map<String, String> gatewayEnvironment = new LinkedHashMap<>(
				Map.of("KEYSTONE_GATEWAY_KEYS_0_NAME", "monitoring", "KEYSTONE_GATEWAY_KEYS_0_SHA256", sha256(KEY),
						"KEYSTONE_GATEWAY_KEYS_0_SCOPES", "ingest,read,admin", "KEYSTONE_GATEWAY_KEYS_1_NAME",
						"monitoring-reader", "KEYSTONE_GATEWAY_KEYS_1_SHA256", sha256(READ_ONLY_KEY),
						"KEYSTONE_GATEWAY_KEYS_1_SCOPES", "read", "KEYSTONE_GATEWAY_KEYS_1_REQUESTS_PER_SECOND", "1"));
		starting.forEach((module, service) -> {
			ServiceProcess started = service.join();
			jobs.put(module, started.port());
			String variable = module.substring(0, module.indexOf('-')).toUpperCase(Locale.ROOT) + "_URL";
			gatewayEnvironment.put(variable, started.url());
		});
		ServiceProcess gateway = start("gateway", gatewayEnvironment).join();
		jobs.put("gateway", gateway.port());

		prometheus = PrometheusServer.start(Path.of("target/prometheus-" + RUN), jobs);
		await("every target up").atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> {
				JsonNode targets = prometheus.api("/api/v1/targets").path("activeTargets");
				assertThat(targets).hasSize(6)
					.allSatisfy((target) -> assertThat(target.path("health").asText())
						.as("%s %s", target.path("labels").path("job").asText(), target.path("lastError").asText())
						.isEqualTo("up"));
			});
		GatewayTraffic devices = new GatewayTraffic(gateway.url(), KEY, READ_ONLY_KEY, RUN);
		devices.registerTitles();
		traffic = Executors.newSingleThreadScheduledExecutor();
		traffic.scheduleWithFixedDelay(devices::round, 0, 500, TimeUnit.MILLISECONDS);
	}

	@AfterAll
	static void stopEverything() throws InterruptedException {
		if (traffic != null) {
			traffic.shutdownNow();
			traffic.awaitTermination(20, TimeUnit.SECONDS);
		}
		if (prometheus != null) {
			prometheus.close();
		}
		services.forEach(ServiceProcess::close);
		starter.shutdown();
	}

	@Test
	void everyPanelQueryParsesAndReturnsSeries() {
		List<PanelQuery> queries = Dashboards.queries();
		List<String> unparsed = new ArrayList<>();
		for (PanelQuery query : queries) {
			PrometheusServer.Answer answer = prometheus.query(query.substituted(RATE_INTERVAL));
			if (!answer.parsed()) {
				unparsed.add(query.name() + " (" + query.refId() + "): " + answer.error());
			}
		}
		assertThat(unparsed).as("panel queries Prometheus does not accept").isEmpty();

		List<String> mayBeEmpty = Dashboards.mayBeEmpty();
		List<String> empty = new ArrayList<>();
		try {
			await("every panel shows data").atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(5))
				.until(() -> {
					empty.clear();
					for (PanelQuery query : queries) {
						if (!mayBeEmpty.contains(query.name())
								&& !prometheus.query(query.substituted(RATE_INTERVAL)).hasSeries()) {
							empty.add(query.name() + " (" + query.refId() + "): " + query.substituted(RATE_INTERVAL));
						}
					}
					return empty.isEmpty();
				});
		}
		catch (ConditionTimeoutException ex) {
			fail("panels without data (a metric that does not exist, or a label that does not match):\n  "
					+ String.join("\n  ", empty));
		}
	}

	@Test
	void everyTemplateVariableFindsValues() {
		for (JsonNode dashboard : Dashboards.all()) {
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				Matcher labelValues = LABEL_VALUES.matcher(variable.path("definition").asText());
				if (!labelValues.matches()) {
					continue;
				}
				String query = new PanelQuery("", "", "",
						"count by (" + labelValues.group(2) + ") (" + labelValues.group(1) + ")")
					.substituted(RATE_INTERVAL);
				assertThat(prometheus.query(query).hasSeries())
					.as("%s: variable %s (%s)", dashboard.path("title").asText(), variable.path("name").asText(), query)
					.isTrue();
			}
		}
	}

	@Test
	void loadsEveryRuleAndEvaluatesItWithoutErrors() throws IOException {
		long written = Pattern.compile("(?m)^\\s*- (alert|record):")
			.matcher(Files.readString(Monitoring.RULES))
			.results()
			.count();
		await("rules evaluated").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			List<JsonNode> rules = new ArrayList<>();
			prometheus.api("/api/v1/rules").path("groups").forEach((group) -> group.path("rules").forEach(rules::add));
			assertThat(rules).hasSize((int) written)
				.allSatisfy((rule) -> assertThat(rule.path("health").asText())
					.as("%s: %s", rule.path("name").asText(), rule.path("lastError").asText())
					.isEqualTo("ok"));
		});
	}

	private static CompletableFuture<ServiceProcess> start(String module, Map<String, String> environment,
			String... arguments) {
		return CompletableFuture.supplyAsync(() -> {
			ServiceProcess service = ServiceProcess.start(module, environment, arguments);
			synchronized (services) {
				services.add(service);
			}
			return service;
		}, starter);
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
