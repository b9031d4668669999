package dev.keystone.routing.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.keystone.events.Topics;
import dev.keystone.routing.PipelineRecords;
import dev.keystone.testkit.ArchiveSql;
import dev.keystone.testkit.KeystoneStack;
import dev.keystone.testkit.TopicWriter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/keystone sql} on the archive the service wrote: the README's analyses answer
 * with the events' own figures as CSV, and a bad query fails with Spark's message.
 */
class ArchiveSqlIT extends ArchiveIntegrationTest {

	@Test
	void answersTheReadmeAnalysesAsCsvAndRefusesABadQuery() {
		String title = "sql-" + UUID.randomUUID().toString().substring(0, 8);
		Instant hour = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
		try (TopicWriter writer = TopicWriter.to(KeystoneStack.shared())) {
			for (int session = 0; session < 4; session++) {
				String type = (session == 0) ? "playback_error" : "heartbeat";
				writer.send(Topics.EVENTS_ENRICHED, "d", PipelineRecords.enriched(title + "-" + session, title,
						"Query Me", type, hour.plusSeconds(session), "DE"));
			}
		}
		awaitRows(title, 4, Duration.ofSeconds(90));

		ArchiveSql.Result viewers = ArchiveSql.run("SELECT date(timestamp) AS day, title_name, "
				+ "count(DISTINCT coalesce(profile_id, device_id)) AS viewers FROM keystone.events WHERE title_id = '"
				+ title + "' GROUP BY 1, 2", Duration.ofMinutes(10));
		assertThat(viewers.exitCode()).as(viewers.errors()).isZero();
		assertThat(viewers.lines()).containsExactly("day,title_name,viewers",
				hour.toString().substring(0, 10) + ",Query Me,1");

		ArchiveSql.Result errors = ArchiveSql.run("SELECT device_type, date_trunc('hour', timestamp) AS hour, "
				+ "count(DISTINCT session_id) AS sessions, round(count(DISTINCT CASE WHEN type = 'playback_error' "
				+ "THEN session_id END) / count(DISTINCT session_id), 3) AS error_share FROM keystone.events "
				+ "WHERE title_id = '" + title + "' GROUP BY 1, 2", Duration.ofMinutes(2));
		assertThat(errors.exitCode()).as(errors.errors()).isZero();
		assertThat(errors.lines()).containsExactly("device_type,hour,sessions,error_share", "tv," + hour + ",4,0.25");

		ArchiveSql.Result bad = ArchiveSql.run("SELECT no_such_column FROM keystone.events", Duration.ofMinutes(2));
		assertThat(bad.exitCode()).isNotZero();
		assertThat(bad.errors()).contains("UNRESOLVED_COLUMN").contains("no_such_column");
		assertThat(bad.lines()).isEmpty();
	}

}
