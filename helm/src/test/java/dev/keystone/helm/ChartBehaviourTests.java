package dev.keystone.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.Test;

import static dev.keystone.helm.CiValuesTests.env;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What particular values turn into: the gateway's limits shared by its replicas,
 * credentials reaching the services, isolation, state volumes and the monitoring objects.
 */
class ChartBehaviourTests {

	private static final Path CI = PackagedChart.DIRECTORY.resolve("ci");

	private static final Path EXTERNAL = CI.resolve("external-infrastructure-values.yaml");

	private static final String KEY_HASH = "ab".repeat(32);

	@Test
	void sharesEachKeysLimitsAmongTheGatewayReplicas() {
		Manifest manifest = Manifest.parse(PackagedChart.template(null)
			.set("apiKeys[0].name", "tv")
			.set("apiKeys[0].sha256", KEY_HASH)
			.set("apiKeys[0].scopes[0]", "ingest")
			.set("apiKeys[0].requestsPerSecond", 500)
			.set("services.gateway.autoscaling.minReplicas", 4)
			.call());

		Secret keys = manifest.one(Secret.class, "ks-api-keys");
		assertThat(keys.getStringData()).containsEntry("KEYSTONE_GATEWAY_KEYS_0_SHA256", KEY_HASH)
			.containsEntry("KEYSTONE_GATEWAY_KEYS_0_SCOPES", "ingest")
			.containsEntry("KEYSTONE_GATEWAY_KEYS_0_REQUESTS_PER_SECOND", "125");
		Container gateway = container(manifest, "gateway");
		assertThat(env(gateway, "KEYSTONE_GATEWAY_DEFAULT_REQUESTS_PER_SECOND")).isEqualTo("50");
		assertThat(env(gateway, "KEYSTONE_GATEWAY_DEFAULT_EVENTS_PER_SECOND")).isEqualTo("5000");
		assertThat(gateway.getEnvFrom()).singleElement()
			.satisfies((from) -> assertThat(from.getSecretRef().getName()).isEqualTo("ks-api-keys"));
	}

	@Test
	void wiresKafkaCredentialsToEveryServiceAndStoreCredentialsToRoutingOnly() {
		Manifest manifest = PackagedChart.render(EXTERNAL);

		for (HasMetadata workload : CiValuesTests.workloads(manifest)) {
			Container container = manifest.podTemplates().get(workload).getSpec().getContainers().get(0);
			assertThat(env(container, "KAFKA_SECURITY_PROTOCOL")).isEqualTo("SASL_SSL");
			assertThat(env(container, "KAFKA_SASL_MECHANISM")).isEqualTo("SCRAM-SHA-512");
			assertThat(secretRef(container, "KAFKA_SASL_PASSWORD")).isEqualTo("keystone-kafka-user/password");
			assertThat(env(container, "KAFKA_SSL_CA_PEM")).isEqualTo("/etc/keystone/tls/kafka/ca.crt");
			assertThat(container.getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getMountPath()).isEqualTo("/etc/keystone/tls/kafka"));
			boolean routing = container.getName().equals("routing-service");
			assertThat(
					container.getEnv().stream().map(EnvVar::getName).anyMatch((name) -> name.startsWith("CASSANDRA_")))
				.as(container.getName())
				.isEqualTo(routing);
		}
		Container routing = container(manifest, "routing-service");
		assertThat(secretRef(routing, "ELASTICSEARCH_PASSWORD")).isEqualTo("ks-infrastructure/elasticsearch-password");
		assertThat(env(routing, "ELASTICSEARCH_CA_PEM")).isEqualTo("/etc/keystone/tls/elasticsearch/ca.crt");
		assertThat(secretRef(routing, "CASSANDRA_USERNAME")).isEqualTo("keystone-cassandra-superuser/username");
		assertThat(env(routing, "CASSANDRA_SSL_ENABLED")).isEqualTo("true");
		assertThat(env(routing, "CASSANDRA_CA_PEM")).isEqualTo("/etc/keystone/tls/cassandra/ca.crt");
		assertThat(routing.getEnv()).noneMatch((env) -> env.getName().equals("ELASTICSEARCH_API_KEY"));
		assertThat(manifest.one(Secret.class, "ks-infrastructure").getMetadata().getAnnotations())
			.containsEntry(PackagedChart.HOOK, "pre-install,pre-upgrade");
	}

	@Test
	void letsOnlyTheGatewayBeReachedFromOutsideTheRelease() {
		Manifest manifest = PackagedChart.render(null);

		for (NetworkPolicy policy : manifest.all(NetworkPolicy.class)) {
			String service = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
			for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
				if (service.equals("gateway")) {
					continue;
				}
				assertThat(rule.getFrom()).as(service).isNotEmpty().allSatisfy((peer) -> {
					if (peer.getNamespaceSelector() != null) {
						assertThat(peer.getNamespaceSelector().getMatchLabels())
							.containsEntry("kubernetes.io/metadata.name", "monitoring");
					}
					else {
						assertThat(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name")).as(service)
							.isIn("gateway", "recommendation-service");
					}
				});
			}
		}
		assertThat(manifest.one(NetworkPolicy.class, "ks-gateway").getSpec().getIngress())
			.anySatisfy((rule) -> assertThat(rule.getFrom()).isNullOrEmpty());
	}

	@Test
	void keepsStreamsStateOnAVolumeOfEachStatefulSet() {
		Manifest manifest = PackagedChart.render(null);

		assertThat(manifest.all(StatefulSet.class)).extracting((set) -> set.getMetadata().getName())
			.containsExactlyInAnyOrder("ks-processing-service", "ks-recommendation-service");
		for (StatefulSet set : manifest.all(StatefulSet.class)) {
			assertThat(set.getSpec().getVolumeClaimTemplates()).singleElement()
				.satisfies((claim) -> assertThat(claim.getMetadata().getName()).isEqualTo("state"));
			Container container = set.getSpec().getTemplate().getSpec().getContainers().get(0);
			assertThat(env(container, "KEYSTONE_STREAMS_STATE_DIR")).isEqualTo("/var/lib/keystone/state");
			assertThat(container.getVolumeMounts())
				.anySatisfy((mount) -> assertThat(mount.getName()).isEqualTo("state"));
			assertThat(manifest.one(Service.class, set.getSpec().getServiceName()).getSpec().getClusterIP())
				.isEqualTo("None");
		}
	}

	@Test
	void shipsTheMonitoringRulesAndDashboardsAsOperatorObjects() throws IOException {
		Manifest manifest = PackagedChart.render(EXTERNAL);

		assertThat(manifest.all(ServiceMonitor.class)).hasSize(6)
			.allSatisfy((monitor) -> assertThat(monitor.getSpec().getJobLabel()).isEqualTo("app.kubernetes.io/name"));
		Map<?, ?> rules = new ObjectMapper(new YAMLFactory())
			.readValue(PackagedChart.DIRECTORY.resolve("files/rules/keystone-rules.yml").toFile(), Map.class);
		PrometheusRule rule = manifest.one(PrometheusRule.class, "ks-keystone");
		assertThat(rule.getSpec().getGroups()).hasSameSizeAs((List<?>) rules.get("groups"));
		assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
		List<Path> dashboards;
		try (Stream<Path> files = Files.list(PackagedChart.DIRECTORY.resolve("files/dashboards"))) {
			dashboards = files.toList();
		}
		List<ConfigMap> maps = manifest.all(ConfigMap.class);
		assertThat(maps).hasSameSizeAs(dashboards).allSatisfy((map) -> {
			assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
			assertThat(map.getMetadata().getNamespace()).isEqualTo("observability");
			assertThat(map.getData()).hasSize(1);
		});
		for (Path dashboard : dashboards) {
			assertThat(maps).anySatisfy((map) -> assertThat(map.getData().get(dashboard.getFileName().toString()))
				.isEqualTo(Files.readString(dashboard).stripTrailing()));
		}
		manifest.podTemplates()
			.values()
			.forEach((pod) -> assertThat(pod.getMetadata().getAnnotations()).doesNotContainKey("prometheus.io/scrape"));
	}

	@Test
	void putsTheGatewayBehindAnIngressWithTls() {
		Manifest manifest = PackagedChart.render(CI.resolve("ingress-hpa-values.yaml"));

		Ingress ingress = manifest.one(Ingress.class, "ks-gateway");
		assertThat(ingress.getSpec().getTls()).singleElement()
			.satisfies((tls) -> assertThat(tls.getSecretName()).isEqualTo("keystone-example-com-tls"));
		var backend = ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService();
		assertThat(manifest.one(Service.class, backend.getName()).getSpec().getPorts())
			.anySatisfy((port) -> assertThat(port.getName()).isEqualTo(backend.getPort().getName()));
	}

	@Test
	void pointsTheArchiveAtItsStoreAndCatalogWithCredentialsFromSecretsForRoutingOnly() {
		Manifest manifest = Manifest.parse(PackagedChart.template(null)
			.set("archive.warehouse", "s3://lake/keystone")
			.set("archive.s3.endpoint", "https://minio.storage.svc:9000")
			.set("archive.s3.pathStyle", true)
			.set("archive.s3.existingSecret", "archive-s3")
			.set("archive.catalog.uri", "jdbc:postgresql://pg.db.svc:5432/iceberg")
			.set("archive.catalog.existingSecret", "archive-catalog")
			.call());

		Container routing = container(manifest, "routing-service");
		assertThat(env(routing, "KEYSTONE_ARCHIVE_WAREHOUSE")).isEqualTo("s3://lake/keystone");
		assertThat(env(routing, "KEYSTONE_S3_ENDPOINT")).isEqualTo("https://minio.storage.svc:9000");
		assertThat(env(routing, "KEYSTONE_S3_PATH_STYLE")).isEqualTo("true");
		assertThat(env(routing, "KEYSTONE_ARCHIVE_CATALOG_TYPE")).isEqualTo("jdbc");
		assertThat(secretRef(routing, "AWS_ACCESS_KEY_ID")).isEqualTo("archive-s3/access-key-id");
		assertThat(secretRef(routing, "AWS_SECRET_ACCESS_KEY")).isEqualTo("archive-s3/secret-access-key");
		assertThat(secretRef(routing, "KEYSTONE_ARCHIVE_CATALOG_USER")).isEqualTo("archive-catalog/username");
		assertThat(secretRef(routing, "KEYSTONE_ARCHIVE_CATALOG_PASSWORD")).isEqualTo("archive-catalog/password");
		for (HasMetadata workload : CiValuesTests.workloads(manifest)) {
			Container container = manifest.podTemplates().get(workload).getSpec().getContainers().get(0);
			boolean archives = container.getEnv()
				.stream()
				.map(EnvVar::getName)
				.anyMatch((name) -> name.startsWith("KEYSTONE_ARCHIVE_") || name.startsWith("AWS_"));
			assertThat(archives).as(container.getName()).isEqualTo(container.getName().equals("routing-service"));
		}
		NetworkPolicy routingPolicy = manifest.one(NetworkPolicy.class, "ks-routing-service");
		assertThat(routingPolicy.getSpec().getEgress())
			.anySatisfy((rule) -> assertThat(rule.getPorts()).extracting((port) -> port.getPort().getIntVal())
				.contains(443, 5432));
	}

	@Test
	void givesRoutingItsOwnServiceAccountForWorkloadIdentityInsteadOfKeys() {
		Manifest manifest = Manifest.parse(PackagedChart.template(null)
			.set("archive.serviceAccount.create", true)
			.set("archive.serviceAccount.annotations.eks\\.amazonaws\\.com/role-arn",
					"arn:aws:iam::123456789012:role/keystone-archive")
			.set("archive.catalog.type", "rest")
			.set("archive.catalog.uri", "https://catalog.example.com/api/catalog")
			.set("archive.catalog.existingSecret", "archive-catalog")
			.set("archive.catalog.credentialKey", "credential")
			.call());

		ServiceAccount account = manifest.one(ServiceAccount.class, "ks-routing-service");
		assertThat(account.getMetadata().getAnnotations()).containsEntry("eks.amazonaws.com/role-arn",
				"arn:aws:iam::123456789012:role/keystone-archive");
		Deployment routing = manifest.one(Deployment.class, "ks-routing-service");
		assertThat(routing.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("ks-routing-service");
		Container container = container(manifest, "routing-service");
		assertThat(container.getEnv()).noneMatch((e) -> e.getName().startsWith("AWS_"));
		assertThat(secretRef(container, "KEYSTONE_ARCHIVE_CATALOG_CREDENTIAL")).isEqualTo("archive-catalog/credential");
		assertThat(
				manifest.one(Deployment.class, "ks-gateway").getSpec().getTemplate().getSpec().getServiceAccountName())
			.isNull();
	}

	private static Container container(Manifest manifest, String service) {
		return manifest.all(Deployment.class)
			.stream()
			.filter((d) -> d.getMetadata().getName().equals("ks-" + service))
			.map((d) -> d.getSpec().getTemplate().getSpec().getContainers().get(0))
			.findFirst()
			.orElseThrow();
	}

	private static String secretRef(Container container, String name) {
		EnvVar env = container.getEnv().stream().filter((e) -> e.getName().equals(name)).findFirst().orElseThrow();
		return env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey();
	}

}
