package dev.keystone.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Every object of one render, each parsed into its fabric8 Kubernetes model class.
 */
final class Manifest {

	private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private final List<HasMetadata> objects;

	private Manifest(List<HasMetadata> objects) {
		this.objects = objects;
	}

	static Manifest parse(String rendered) {
		List<HasMetadata> objects = new ArrayList<>();
		for (String document : DOCUMENT_SEPARATOR.split(rendered)) {
			if (document.lines().allMatch((line) -> line.isBlank() || line.startsWith("#"))) {
				continue;
			}
			Object parsed = SERIALIZATION.unmarshal(document);
			if (!(parsed instanceof HasMetadata object) || parsed instanceof GenericKubernetesResource) {
				throw new IllegalStateException("not a known Kubernetes kind:\n" + document);
			}
			StrictModel.assertNoUnknownFields(object);
			objects.add(object);
		}
		return new Manifest(objects);
	}

	List<HasMetadata> all() {
		return this.objects;
	}

	<T extends HasMetadata> List<T> all(Class<T> kind) {
		return this.objects.stream().filter(kind::isInstance).map(kind::cast).toList();
	}

	<T extends HasMetadata> T one(Class<T> kind, String name) {
		return find(kind, name).orElseThrow(() -> new AssertionError(kind.getSimpleName() + " " + name + " missing"));
	}

	<T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
		return all(kind).stream().filter((object) -> object.getMetadata().getName().equals(name)).findFirst();
	}

	/** The pod templates of every Deployment, StatefulSet and Job, by owner. */
	Map<HasMetadata, PodTemplateSpec> podTemplates() {
		Map<HasMetadata, PodTemplateSpec> templates = new java.util.LinkedHashMap<>();
		all(Deployment.class).forEach((d) -> templates.put(d, d.getSpec().getTemplate()));
		all(StatefulSet.class).forEach((s) -> templates.put(s, s.getSpec().getTemplate()));
		all(Job.class).forEach((j) -> templates.put(j, j.getSpec().getTemplate()));
		return templates;
	}

	/** Pod templates whose labels a Service-style selector (labels only) matches. */
	List<PodTemplateSpec> podsMatching(Map<String, String> selector) {
		return podTemplates().values()
			.stream()
			.filter((pod) -> selector != null && !selector.isEmpty()
					&& pod.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
			.toList();
	}

	List<PodTemplateSpec> podsMatching(LabelSelector selector) {
		return podTemplates().values()
			.stream()
			.filter((pod) -> matches(selector, pod.getMetadata().getLabels()))
			.toList();
	}

	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		Map<String, String> matchLabels = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
		if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
			return false;
		}
		for (LabelSelectorRequirement requirement : Objects.requireNonNullElse(selector.getMatchExpressions(),
				List.<LabelSelectorRequirement>of())) {
			String value = labels.get(requirement.getKey());
			boolean holds = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "NotIn" -> value == null || !requirement.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("unknown operator " + requirement.getOperator());
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

}
