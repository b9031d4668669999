package dev.keystone.routing.archive;

import java.time.Duration;
import java.util.List;

import dev.keystone.routing.RoutingIntegrationTest;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/**
 * Integration tests that read the archive table back, through a catalog of their own as a
 * batch engine would, never the one the sink holds.
 */
public abstract class ArchiveIntegrationTest extends RoutingIntegrationTest {

	@Autowired
	protected ArchiveSettings settings;

	protected ArchiveCatalog catalog;

	@BeforeEach
	void openCatalog() {
		this.catalog = new ArchiveCatalog(this.settings);
	}

	@AfterEach
	void closeCatalog() throws Exception {
		this.catalog.close();
	}

	/** The title's rows, once at least {@code expected} of them are committed. */
	protected List<Record> awaitRows(String title, int expected, Duration within) {
		await().atMost(within)
			.pollInterval(Duration.ofSeconds(1))
			.ignoreExceptions()
			.until(() -> ArchiveRows.ofTitle(this.catalog.table(), title).size() >= expected);
		return ArchiveRows.ofTitle(this.catalog.table(), title);
	}

}
