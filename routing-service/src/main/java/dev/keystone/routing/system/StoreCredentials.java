package dev.keystone.routing.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credentials (the README's "Credentials") Boot's own properties cannot take: an
 * Elasticsearch API key, which Boot has no property for, and a Cassandra login that may
 * be absent, as Boot's refuses an empty user name. Elasticsearch's user name and password
 * go through {@code spring.elasticsearch.*}.
 *
 * @param elasticsearchApiKey base64 {@code id:key} as Elasticsearch returns it; empty for
 * none
 * @param cassandraUsername PasswordAuthenticator user; empty for none
 * @param cassandraPassword its password
 */
@ConfigurationProperties("keystone.routing.credentials")
public record StoreCredentials(String elasticsearchApiKey, String cassandraUsername, String cassandraPassword) {

	boolean hasElasticsearchApiKey() {
		return this.elasticsearchApiKey != null && !this.elasticsearchApiKey.isBlank();
	}

	boolean hasCassandraLogin() {
		return this.cassandraUsername != null && !this.cassandraUsername.isBlank();
	}

}
