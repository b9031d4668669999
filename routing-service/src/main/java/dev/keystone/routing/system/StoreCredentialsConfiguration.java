package dev.keystone.routing.system;

import org.apache.http.HttpHeaders;
import org.apache.http.message.BasicHeader;

import org.springframework.boot.autoconfigure.cassandra.CqlSessionBuilderCustomizer;
import org.springframework.boot.autoconfigure.elasticsearch.RestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the Elasticsearch client its API key and the Cassandra session its login, each
 * only when configured.
 */
@Configuration(proxyBeanMethods = false)
class StoreCredentialsConfiguration {

	@Bean
	RestClientBuilderCustomizer elasticsearchApiKey(StoreCredentials credentials) {
		return (builder) -> {
			if (credentials.hasElasticsearchApiKey()) {
				builder.setDefaultHeaders(new BasicHeader[] {
						new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + credentials.elasticsearchApiKey()) });
			}
		};
	}

	@Bean
	CqlSessionBuilderCustomizer cassandraLogin(StoreCredentials credentials) {
		return (builder) -> {
			if (credentials.hasCassandraLogin()) {
				builder.withAuthCredentials(credentials.cassandraUsername(), credentials.cassandraPassword());
			}
		};
	}

}
