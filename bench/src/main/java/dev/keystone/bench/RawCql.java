package dev.keystone.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;

/**
 * Plain async CQL: the three upserts per viewer count that routing-service's store
 * issues, with its TTL, into a scratch keyspace with its schema, a bounded number of
 * statements in flight.
 */
final class RawCql implements AutoCloseable {

	private static final long TTL_SECONDS = Duration.ofDays(30).toSeconds();

	private final CqlSession session;

	RawCql(String contactPoint) {
		int colon = contactPoint.lastIndexOf(':');
		this.session = CqlSession.builder()
			.addContactPoint(new InetSocketAddress(contactPoint.substring(0, colon),
					Integer.parseInt(contactPoint.substring(colon + 1))))
			.withLocalDatacenter("datacenter1")
			.withConfigLoader(DriverConfigLoader.programmaticBuilder()
				.withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
				.build())
			.build();
	}

	CqlSession session() {
		return this.session;
	}

	/** A fresh keyspace holding the tables of routing-service's schema. */
	void createKeyspace(String keyspace, Path schema) throws IOException {
		this.session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
		this.session.execute("CREATE KEYSPACE " + keyspace
				+ " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
		this.session.execute("USE " + keyspace);
		String script = Files.readString(schema).replaceAll("(?m)^--.*$", "");
		for (String statement : script.split(";")) {
			if (!statement.isBlank()) {
				this.session.execute(statement);
			}
		}
	}

	/**
	 * Writes every count, at most {@code inFlight} statements at a time; returns the
	 * elapsed nanos.
	 */
	long write(String keyspace, List<PipelineData.Count> counts, int inFlight) throws InterruptedException {
		String ttl = " USING TTL " + TTL_SECONDS;
		PreparedStatement byTitle = this.session.prepare("INSERT INTO " + keyspace + ".viewer_counts_by_title "
				+ "(title_id, window, day, window_start, window_end, viewers, events) VALUES (?, ?, ?, ?, ?, ?, ?)"
				+ ttl);
		PreparedStatement byWindow = this.session.prepare("INSERT INTO " + keyspace + ".viewer_counts_by_window "
				+ "(window, window_start, title_id, window_end, viewers, events) VALUES (?, ?, ?, ?, ?, ?)" + ttl);
		PreparedStatement windows = this.session.prepare("INSERT INTO " + keyspace
				+ ".viewer_windows (window, day, window_start, window_end) VALUES (?, ?, ?, ?)" + ttl);
		Semaphore permits = new Semaphore(inFlight);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		long started = System.nanoTime();
		for (PipelineData.Count count : counts) {
			LocalDate day = LocalDate.ofInstant(count.start(), ZoneOffset.UTC);
			permits.acquire(3);
			for (var statement : List.of(
					byTitle.bind(count.titleId(), count.window(), day, count.start(), count.end(), count.viewers(),
							count.events()),
					byWindow.bind(count.window(), count.start(), count.titleId(), count.end(), count.viewers(),
							count.events()),
					windows.bind(count.window(), day, count.start(), count.end()))) {
				this.session.executeAsync(statement).whenComplete((rs, error) -> {
					if (error != null) {
						failure.compareAndSet(null, error);
					}
					permits.release();
				});
			}
			if (failure.get() != null) {
				throw new IllegalStateException("raw CQL insert failed", failure.get());
			}
		}
		permits.acquire(inFlight);
		long elapsed = System.nanoTime() - started;
		permits.release(inFlight);
		if (failure.get() != null) {
			throw new IllegalStateException("raw CQL insert failed", failure.get());
		}
		return elapsed;
	}

	long count(String table) {
		return this.session.execute("SELECT COUNT(*) FROM " + table).one().getLong(0);
	}

	@Override
	public void close() {
		this.session.close();
	}

}
