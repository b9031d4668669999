package dev.keystone.helm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Secrets the values name as already existing in the cluster, with the keys the
 * values say they hold.
 */
final class ExistingSecrets {

	private ExistingSecrets() {
	}

	static Map<String, Set<String>> of(Map<String, Object> values) {
		Map<String, Set<String>> secrets = new HashMap<>();
		add(secrets, path(values, "kafka", "sasl", "existingSecret"), path(values, "kafka", "sasl", "usernameKey"),
				path(values, "kafka", "sasl", "passwordKey"));
		add(secrets, path(values, "elasticsearch", "existingSecret"), path(values, "elasticsearch", "usernameKey"),
				path(values, "elasticsearch", "passwordKey"), path(values, "elasticsearch", "apiKeyKey"));
		add(secrets, path(values, "cassandra", "existingSecret"), path(values, "cassandra", "usernameKey"),
				path(values, "cassandra", "passwordKey"));
		for (String store : List.of("kafka", "elasticsearch", "cassandra")) {
			add(secrets, path(values, store, "tls", "caSecret"), path(values, store, "tls", "caKey"));
		}
		add(secrets, path(values, "archive", "s3", "existingSecret"), path(values, "archive", "s3", "accessKeyIdKey"),
				path(values, "archive", "s3", "secretAccessKeyKey"));
		add(secrets, path(values, "archive", "catalog", "existingSecret"),
				path(values, "archive", "catalog", "usernameKey"), path(values, "archive", "catalog", "passwordKey"),
				path(values, "archive", "catalog", "credentialKey"), path(values, "archive", "catalog", "tokenKey"));
		add(secrets, path(values, "existingApiKeySecret"));
		add(secrets, path(values, "ingress", "tlsSecret"));
		return secrets;
	}

	private static void add(Map<String, Set<String>> secrets, Object name, Object... keys) {
		if (name instanceof String secret && !secret.isEmpty()) {
			Set<String> known = secrets.computeIfAbsent(secret, (n) -> new HashSet<>());
			for (Object key : keys) {
				if (key instanceof String text && !text.isEmpty()) {
					known.add(text);
				}
			}
		}
	}

	static Object path(Map<String, Object> values, String... keys) {
		Object current = values;
		for (String key : keys) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

}
