package dev.keystone.testkit;

import java.net.InetSocketAddress;
import java.util.List;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(KeystoneStackExtension.class)
class CassandraRoundTripIT {

	@Test
	void selectsInsertedRows(KeystoneStack stack) {
		try (CqlSession session = session(stack)) {
			session.execute("CREATE KEYSPACE IF NOT EXISTS testkit WITH replication = "
					+ "{'class': 'SimpleStrategy', 'replication_factor': 1}");
			session.execute("DROP TABLE IF EXISTS testkit.viewers");
			session.execute("CREATE TABLE testkit.viewers (title_id text, window_start timestamp, viewers bigint, "
					+ "PRIMARY KEY (title_id, window_start)) WITH CLUSTERING ORDER BY (window_start DESC)");
			session.execute("INSERT INTO testkit.viewers (title_id, window_start, viewers) VALUES ('t1', 1000, 3)");
			session.execute("INSERT INTO testkit.viewers (title_id, window_start, viewers) VALUES ('t1', 2000, 5)");

			List<Row> rows = session.execute("SELECT viewers FROM testkit.viewers WHERE title_id = 't1'").all();

			assertThat(rows).extracting((row) -> row.getLong("viewers")).containsExactly(5L, 3L);
		}
	}

	static CqlSession session(KeystoneStack stack) {
		String[] hostPort = stack.cassandraContactPoint().split(":");
		return CqlSession.builder()
			.addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
			.withLocalDatacenter(stack.cassandraLocalDatacenter())
			.build();
	}

}
