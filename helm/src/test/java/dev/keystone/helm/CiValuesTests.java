package dev.keystone.helm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every values file in the chart's ci/ folder: linted strictly, rendered, every object
 * parsed strictly into the Kubernetes model, and checked for what a cluster would reject
 * or silently get wrong.
 */
class CiValuesTests {

	static Stream<Path> ciValuesFiles() {
		return PackagedChart.ciValuesFiles().stream();
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void passesStrictLint(Path valuesFile, @TempDir Path work) throws IOException {
		LintResult lint = PackagedChart.lint(valuesFile, work);

		assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
		assertThat(lint.getMessages())
			.noneMatch((message) -> message.contains("[ERROR]") || message.contains("[WARNING]"));
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void runsEveryContainerHardenedWithLimitsAndProbes(Path valuesFile) {
		Manifest manifest = PackagedChart.render(valuesFile);

		assertThat(manifest.podTemplates()).isNotEmpty();
		manifest.podTemplates().forEach((owner, template) -> {
			PodSpec pod = template.getSpec();
			String name = owner.getKind() + " " + owner.getMetadata().getName();
			assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
			assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
			assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
			for (Container container : pod.getContainers()) {
				SecurityContext security = container.getSecurityContext();
				assertThat(security.getRunAsNonRoot()).as(name).isTrue();
				assertThat(security.getRunAsUser()).as(name).isPositive();
				assertThat(security.getReadOnlyRootFilesystem()).as(name).isTrue();
				assertThat(security.getAllowPrivilegeEscalation()).as(name).isFalse();
				assertThat(security.getCapabilities().getDrop()).as(name).containsExactly("ALL");
				assertThat(container.getResources().getLimits()).as(name).containsKeys("cpu", "memory");
				assertThat(container.getResources().getRequests()).as(name).containsKeys("cpu", "memory");
			}
		});
		for (HasMetadata workload : workloads(manifest)) {
			PodSpec pod = manifest.podTemplates().get(workload).getSpec();
			Container container = pod.getContainers().get(0);
			String name = workload.getMetadata().getName();
			Set<String> ports = portNames(container);
			assertProbe(container.getStartupProbe(), "/actuator/health/liveness", ports, name);
			assertProbe(container.getLivenessProbe(), "/actuator/health/liveness", ports, name);
			assertProbe(container.getReadinessProbe(), "/actuator/health/readiness", ports, name);
			assertThat(env(container, "JAVA_TOOL_OPTIONS")).as(name).contains("-XX:MaxRAMPercentage=");
			long shutdown = Long
				.parseLong(env(container, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE").replace("s", ""));
			assertThat(pod.getTerminationGracePeriodSeconds()).as(name).isGreaterThan(shutdown);
		}
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void selectsExistingPodsOnNamedPorts(Path valuesFile) {
		Manifest manifest = PackagedChart.render(valuesFile);

		for (Service service : manifest.all(Service.class)) {
			List<PodTemplateSpec> pods = manifest.podsMatching(service.getSpec().getSelector());
			assertThat(pods).as("pods of Service " + service.getMetadata().getName()).isNotEmpty();
			for (ServicePort port : service.getSpec().getPorts()) {
				assertThat(port.getName()).isNotBlank();
				assertThat(port.getTargetPort().getStrVal()).as("named target port").isNotBlank();
				assertThat(pods).allSatisfy((pod) -> assertThat(portNames(pod.getSpec().getContainers().get(0)))
					.contains(port.getTargetPort().getStrVal()));
			}
		}
		for (NetworkPolicy policy : manifest.all(NetworkPolicy.class)) {
			String name = "NetworkPolicy " + policy.getMetadata().getName();
			assertThat(manifest.podsMatching(policy.getSpec().getPodSelector())).as(name).isNotEmpty();
			Stream
				.concat(policy.getSpec().getIngress().stream().flatMap((rule) -> rule.getFrom().stream()),
						policy.getSpec().getEgress().stream().flatMap((rule) -> rule.getTo().stream()))
				.map(NetworkPolicyPeer::getPodSelector)
				.filter(Objects::nonNull)
				.forEach((peer) -> assertThat(manifest.podsMatching(peer)).as(name + " peer " + peer).isNotEmpty());
		}
		for (ServiceMonitor monitor : manifest.all(ServiceMonitor.class)) {
			List<Service> services = manifest.all(Service.class)
				.stream()
				.filter((service) -> Manifest.matches(monitor.getSpec().getSelector(),
						service.getMetadata().getLabels()))
				.toList();
			assertThat(services).as("Services of ServiceMonitor " + monitor.getMetadata().getName()).hasSize(1);
			monitor.getSpec()
				.getEndpoints()
				.forEach((endpoint) -> assertThat(services.get(0).getSpec().getPorts()).extracting(ServicePort::getName)
					.contains(endpoint.getPort()));
		}
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void takesSecretsOnlyFromKeysTheRenderOrTheValuesDefine(Path valuesFile) throws IOException {
		Manifest manifest = PackagedChart.render(valuesFile);
		Map<String, Set<String>> known = renderedSecretKeys(manifest);
		ExistingSecrets.of(PackagedChart.values(valuesFile))
			.forEach((name, keys) -> known.computeIfAbsent(name, (n) -> new HashSet<>()).addAll(keys));

		manifest.podTemplates().forEach((owner, template) -> {
			for (Container container : template.getSpec().getContainers()) {
				for (EnvVar env : Objects.requireNonNullElse(container.getEnv(), List.<EnvVar>of())) {
					if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
						var ref = env.getValueFrom().getSecretKeyRef();
						assertThat(known.getOrDefault(ref.getName(), Set.of()))
							.as(env.getName() + " of " + owner.getMetadata().getName())
							.contains(ref.getKey());
					}
				}
				for (EnvFromSource source : Objects.requireNonNullElse(container.getEnvFrom(),
						List.<EnvFromSource>of())) {
					assertThat(known).containsKey(source.getSecretRef().getName());
				}
			}
			for (Volume volume : Objects.requireNonNullElse(template.getSpec().getVolumes(), List.<Volume>of())) {
				if (volume.getSecret() != null) {
					assertThat(known).as("volume " + volume.getName()).containsKey(volume.getSecret().getSecretName());
				}
			}
		});
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void pointsBudgetsAndAutoscalersAtExistingWorkloads(Path valuesFile) throws IOException {
		Manifest manifest = PackagedChart.render(valuesFile);
		Map<String, Object> values = PackagedChart.values(valuesFile);
		int partitions = (Integer) ExistingSecrets.path(values, "topics", "partitions");

		for (PodDisruptionBudget budget : manifest.all(PodDisruptionBudget.class)) {
			assertThat(manifest.podsMatching(budget.getSpec().getSelector()))
				.as("pods of PDB " + budget.getMetadata().getName())
				.hasSize(1);
		}
		for (HorizontalPodAutoscaler autoscaler : manifest.all(HorizontalPodAutoscaler.class)) {
			var target = autoscaler.getSpec().getScaleTargetRef();
			HasMetadata workload = workloads(manifest).stream()
				.filter((w) -> w.getKind().equals(target.getKind())
						&& w.getMetadata().getName().equals(target.getName()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("HPA target " + target.getName() + " missing"));
			assertThat(replicas(workload)).as("replicas of an autoscaled " + target.getName()).isNull();
			assertThat(autoscaler.getSpec().getMinReplicas())
				.isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
		}
		for (String streams : List.of("processing-service", "alert-service", "recommendation-service")) {
			HasMetadata workload = workloads(manifest).stream()
				.filter((w) -> w.getMetadata().getName().equals(PackagedChart.RELEASE + "-" + streams))
				.findFirst()
				.orElseThrow();
			assertThat(replicas(workload)).isLessThanOrEqualTo(partitions);
		}
	}

	@ParameterizedTest
	@MethodSource("ciValuesFiles")
	void givesEveryTopicCreatorTheConfiguredReplicationFactor(Path valuesFile) throws IOException {
		Manifest manifest = PackagedChart.render(valuesFile);
		Map<String, Object> values = PackagedChart.values(valuesFile);
		String replication = String.valueOf(ExistingSecrets.path(values, "topics", "replicationFactor"));

		Job job = manifest.one(Job.class, PackagedChart.RELEASE + "-topics");
		assertThat(job.getMetadata().getAnnotations()).containsEntry(PackagedChart.HOOK, "pre-install,pre-upgrade");
		String script = job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs().get(0);
		for (String topic : List.of("events.raw", "events.enriched", "events.rejected", "viewers.counts", "anomalies",
				"alerts", "catalog.titles", "events.replay")) {
			assertThat(script).contains("create " + topic);
		}
		assertThat(script).contains("--replication-factor " + replication,
				"--partitions " + ExistingSecrets.path(values, "topics", "partitions"),
				"min.insync.replicas=" + ExistingSecrets.path(values, "topics", "minInsyncReplicas"));

		for (HasMetadata workload : workloads(manifest)) {
			Container container = manifest.podTemplates().get(workload).getSpec().getContainers().get(0);
			container.getEnv()
				.stream()
				.filter((env) -> env.getName().endsWith("_REPLICATION_FACTOR") && !env.getName().contains("KEYSPACE"))
				.forEach((env) -> assertThat(env.getValue()).as(env.getName()).isEqualTo(replication));
			assertThat(env(container, "SPRING_CLOUD_STREAM_KAFKA_BINDER_REPLICATION_FACTOR")).isEqualTo(replication);
		}
		Map<String, String> expected = Map.of("ingest-service", "KEYSTONE_TOPICS_REPLICATION_FACTOR",
				"processing-service", "KEYSTONE_PROCESSING_STREAMS_REPLICATION_FACTOR", "alert-service",
				"KEYSTONE_ALERT_TOPICS_REPLICATION_FACTOR", "recommendation-service",
				"KEYSTONE_RECOMMENDATION_STREAMS_REPLICATION_FACTOR");
		expected.forEach((service, variable) -> {
			HasMetadata workload = workloads(manifest).stream()
				.filter((w) -> w.getMetadata().getName().equals(PackagedChart.RELEASE + "-" + service))
				.findFirst()
				.orElseThrow();
			assertThat(env(manifest.podTemplates().get(workload).getSpec().getContainers().get(0), variable))
				.isEqualTo(replication);
		});
	}

	static List<HasMetadata> workloads(Manifest manifest) {
		return Stream.concat(manifest.all(Deployment.class).stream(), manifest.all(StatefulSet.class).stream())
			.map(HasMetadata.class::cast)
			.toList();
	}

	static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter((env) -> env.getName().equals(name))
			.map(EnvVar::getValue)
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " missing in " + container.getName()));
	}

	private static Integer replicas(HasMetadata workload) {
		return (workload instanceof Deployment deployment) ? deployment.getSpec().getReplicas()
				: ((StatefulSet) workload).getSpec().getReplicas();
	}

	private static Set<String> portNames(Container container) {
		Set<String> names = new HashSet<>();
		for (ContainerPort port : Objects.requireNonNullElse(container.getPorts(), List.<ContainerPort>of())) {
			names.add(port.getName());
		}
		return names;
	}

	private static void assertProbe(Probe probe, String path, Set<String> ports, String name) {
		assertThat(probe).as(name + " probe on " + path).isNotNull();
		assertThat(probe.getHttpGet().getPath()).as(name).isEqualTo(path);
		assertThat(ports).as(name + " probe port").contains(probe.getHttpGet().getPort().getStrVal());
	}

	private static Map<String, Set<String>> renderedSecretKeys(Manifest manifest) {
		Map<String, Set<String>> keys = new HashMap<>();
		for (Secret secret : manifest.all(Secret.class)) {
			Set<String> names = keys.computeIfAbsent(secret.getMetadata().getName(), (n) -> new HashSet<>());
			names.addAll(Objects.requireNonNullElse(secret.getStringData(), Map.<String, String>of()).keySet());
			names.addAll(Objects.requireNonNullElse(secret.getData(), Map.<String, String>of()).keySet());
		}
		return keys;
	}

}
