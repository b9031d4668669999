package dev.keystone.routing.viewers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import dev.keystone.events.ViewerCount;

import org.springframework.core.io.ClassPathResource;

/**
 * Viewer counts in Cassandra. Every write is an upsert keyed by title, window size and
 * window start, so a redelivered count overwrites itself. Partitions are per day, so a
 * series touches one or two partitions.
 */
class ViewerCountStore {

	/**
	 * Schema changes wait for every node to agree, far longer than a read or write on a
	 * busy node.
	 */
	private static final Duration SCHEMA_TIMEOUT = Duration.ofSeconds(30);

	private final CqlSession session;

	private final PreparedStatement insertByTitle;

	private final PreparedStatement insertByWindow;

	private final PreparedStatement insertWindow;

	private final PreparedStatement selectSeries;

	private final PreparedStatement selectLatestForTitle;

	private final PreparedStatement selectLatestWindow;

	private final PreparedStatement selectWindow;

	ViewerCountStore(CqlSession session, long ttlSeconds) {
		this.session = session;
		createSchema(session);
		String ttl = " USING TTL " + ttlSeconds;
		this.insertByTitle = session.prepare("INSERT INTO viewer_counts_by_title "
				+ "(title_id, window, day, window_start, window_end, viewers, events) VALUES (?, ?, ?, ?, ?, ?, ?)"
				+ ttl);
		this.insertByWindow = session.prepare("INSERT INTO viewer_counts_by_window "
				+ "(window, window_start, title_id, window_end, viewers, events) VALUES (?, ?, ?, ?, ?, ?)" + ttl);
		this.insertWindow = session
			.prepare("INSERT INTO viewer_windows (window, day, window_start, window_end) VALUES (?, ?, ?, ?)" + ttl);
		this.selectSeries = session
			.prepare("SELECT window_start, window_end, viewers, events FROM viewer_counts_by_title "
					+ "WHERE title_id = ? AND window = ? AND day = ? AND window_start >= ? AND window_start < ?");
		this.selectLatestForTitle = session.prepare("SELECT window_start, window_end, viewers, events "
				+ "FROM viewer_counts_by_title WHERE title_id = ? AND window = ? AND day = ? LIMIT 1");
		this.selectLatestWindow = session.prepare("SELECT window_start, window_end FROM viewer_windows "
				+ "WHERE window = ? AND day = ? AND window_start <= ? LIMIT 1");
		this.selectWindow = session.prepare("SELECT title_id, window_end, viewers, events FROM viewer_counts_by_window "
				+ "WHERE window = ? AND window_start = ?");
	}

	private static void createSchema(CqlSession session) {
		String script;
		try (InputStream in = new ClassPathResource("cassandra/schema.cql").getInputStream()) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cassandra/schema.cql missing from the jar", ex);
		}
		for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
			if (!statement.isBlank()) {
				session.execute(SimpleStatement.newInstance(statement).setTimeout(SCHEMA_TIMEOUT));
			}
		}
	}

	/** The two upserts of one count. */
	List<Statement<?>> writes(ViewerCount count) {
		LocalDate day = day(count.start());
		return List.of(
				this.insertByTitle.bind(count.titleId(), count.window(), day, count.start(), count.end(),
						count.viewers(), count.events()),
				this.insertByWindow.bind(count.window(), count.start(), count.titleId(), count.end(), count.viewers(),
						count.events()));
	}

	/**
	 * The upsert recording that counts exist for a window; the same for every title in
	 * it.
	 */
	Statement<?> windowWrite(StoredWindow window) {
		return this.insertWindow.bind(window.window(), day(window.start()), window.start(), window.end());
	}

	/**
	 * Starts one write; every write is an upsert, so it may be repeated as often as
	 * needed.
	 */
	CompletionStage<AsyncResultSet> execute(Statement<?> write) {
		return this.session.executeAsync(write);
	}

	/**
	 * A window of one size, as the store indexes it.
	 */
	record StoredWindow(String window, Instant start, Instant end) {

		static StoredWindow of(ViewerCount count) {
			return new StoredWindow(count.window(), count.start(), count.end());
		}

	}

	/** Oldest first. */
	List<ViewerCount> series(String titleId, String window, Instant from, Instant to) {
		List<ViewerCount> points = new ArrayList<>();
		for (LocalDate day = day(from); !day.isAfter(day(to)); day = day.plusDays(1)) {
			for (Row row : this.session.execute(this.selectSeries.bind(titleId, window, day, from, to))) {
				points.add(count(titleId, window, row));
			}
		}
		points.sort((a, b) -> a.start().compareTo(b.start()));
		return points;
	}

	Optional<ViewerCount> latest(String titleId, String window, Instant now) {
		for (LocalDate day : recentDays(now)) {
			Row row = this.session.execute(this.selectLatestForTitle.bind(titleId, window, day)).one();
			if (row != null) {
				return Optional.of(count(titleId, window, row));
			}
		}
		return Optional.empty();
	}

	/**
	 * Start and end of the newest window the store holds for that size that had closed by
	 * {@code now}; a window whose end lies ahead (device clocks run fast) is not the
	 * latest closed one.
	 */
	Optional<ClosedWindow> latestWindow(String window, Duration size, Instant now) {
		for (LocalDate day : recentDays(now)) {
			Row row = this.session.execute(this.selectLatestWindow.bind(window, day, now.minus(size))).one();
			if (row != null) {
				return Optional.of(new ClosedWindow(row.getInstant("window_start"), row.getInstant("window_end")));
			}
		}
		return Optional.empty();
	}

	List<ViewerCount> window(String window, Instant start) {
		List<ViewerCount> counts = new ArrayList<>();
		for (Row row : this.session.execute(this.selectWindow.bind(window, start))) {
			counts.add(new ViewerCount(row.getString("title_id"), window, start, row.getInstant("window_end"),
					row.getLong("viewers"), row.getLong("events")));
		}
		return counts;
	}

	/**
	 * Bounds of a window the store holds counts for.
	 */
	record ClosedWindow(Instant start, Instant end) {

	}

	private static ViewerCount count(String titleId, String window, Row row) {
		return new ViewerCount(titleId, window, row.getInstant("window_start"), row.getInstant("window_end"),
				row.getLong("viewers"), row.getLong("events"));
	}

	/**
	 * Tomorrow, today and yesterday, newest first: a window a fast device clock dated
	 * past midnight is seen, and one that closed just after midnight still answers.
	 */
	private static List<LocalDate> recentDays(Instant now) {
		LocalDate today = day(now);
		return List.of(today.plusDays(1), today, today.minusDays(1));
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneOffset.UTC);
	}

}
