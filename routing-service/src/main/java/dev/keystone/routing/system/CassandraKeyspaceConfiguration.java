package dev.keystone.routing.system;

import java.time.Duration;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Replaces Boot's session so the keyspace exists before the session binds to it: the
 * driver refuses to open a session on a keyspace that is not there, and the service owns
 * its schema.
 */
@Configuration(proxyBeanMethods = false)
class CassandraKeyspaceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CassandraKeyspaceConfiguration.class);

	@Bean
	CqlSession cassandraSession(CqlSessionBuilder builder, CassandraKeyspace keyspace) {
		try (CqlSession bootstrap = builder.withKeyspace((String) null).build()) {
			bootstrap.execute(
					SimpleStatement
						.newInstance("CREATE KEYSPACE IF NOT EXISTS " + keyspace.name()
								+ " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
								+ keyspace.replicationFactor() + "}")
						.setTimeout(Duration.ofSeconds(30)));
			log.info("cassandra keyspace ready keyspace={} replicationFactor={}", keyspace.name(),
					keyspace.replicationFactor());
		}
		return builder.withKeyspace(keyspace.name()).build();
	}

}
