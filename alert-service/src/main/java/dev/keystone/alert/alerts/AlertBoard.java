package dev.keystone.alert.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.NotificationLogEntry;
import dev.keystone.alert.lifecycle.AlertRecord;
import dev.keystone.alert.rules.Glob;
import dev.keystone.events.Alert;
import dev.keystone.events.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every alert and its notification log, as the compacted state and log topics hold them,
 * in memory on every replica: the answers do not depend on which replica is asked.
 */
final class AlertBoard {

	private static final Logger log = LoggerFactory.getLogger(AlertBoard.class);

	private static final Comparator<Alert> NEWEST_FIRST = Comparator
		.comparing((Alert alert) -> (alert.openedAt() != null) ? alert.openedAt() : Instant.EPOCH)
		.reversed()
		.thenComparing(Alert::alertId);

	private final Map<String, AlertRecord> alerts = new ConcurrentHashMap<>();

	private final Map<String, Map<String, NotificationLogEntry>> logs = new ConcurrentHashMap<>();

	private final ObjectMapper mapper;

	private final Clock clock;

	private final Duration retention;

	AlertBoard(ObjectMapper mapper, Clock clock, Duration retention) {
		this.mapper = mapper;
		this.clock = clock;
		this.retention = retention;
	}

	/** What a list request asks for. */
	record Filter(Alert.State state, Severity severity, String metric, Glob scope, Instant from, Instant to) {

		boolean matches(Alert alert) {
			Instant opened = alert.openedAt();
			return (this.state == null || alert.state() == this.state)
					&& (this.severity == null || alert.severity() == this.severity)
					&& (this.metric == null || this.metric.equals(alert.metric())) && this.scope.matches(alert.scope())
					&& (this.from == null || (opened != null && !opened.isBefore(this.from)))
					&& (this.to == null || (opened != null && opened.isBefore(this.to)));
		}

	}

	/** One page of alerts, newest first, and how many match in all. */
	record Page(long total, List<Alert> alerts) {

	}

	void state(String alertId, String json) {
		if (json == null) {
			this.alerts.remove(alertId);
			return;
		}
		try {
			this.alerts.put(alertId, this.mapper.readValue(json, AlertRecord.class));
		}
		catch (JsonProcessingException ex) {
			log.warn("skipping unreadable alert state of {}: {}", alertId, ex.getMessage());
		}
	}

	void logEntry(String key, String json) {
		if (json == null) {
			return;
		}
		try {
			NotificationLogEntry entry = this.mapper.readValue(json, NotificationLogEntry.class);
			this.logs.computeIfAbsent(entry.alertId(), (id) -> new ConcurrentHashMap<>()).put(key, entry);
		}
		catch (JsonProcessingException ex) {
			log.warn("skipping unreadable notification log entry {}: {}", key, ex.getMessage());
		}
	}

	Page list(Filter filter, int page, int size) {
		Instant kept = this.clock.instant().minus(this.retention);
		List<Alert> matching = new ArrayList<>();
		for (AlertRecord record : this.alerts.values()) {
			Alert alert = record.alert();
			if (alert.updatedAt() != null && alert.updatedAt().isAfter(kept) && filter.matches(alert)) {
				matching.add(alert);
			}
		}
		matching.sort(NEWEST_FIRST);
		int from = (int) Math.min((long) page * size, matching.size());
		return new Page(matching.size(), List.copyOf(matching.subList(from, Math.min(from + size, matching.size()))));
	}

	Optional<AlertRecord> get(String alertId) {
		return Optional.ofNullable(this.alerts.get(alertId));
	}

	List<NotificationLogEntry> log(String alertId) {
		Map<String, NotificationLogEntry> entries = this.logs.getOrDefault(alertId, Map.of());
		return entries.values().stream().sorted(Comparator.comparing(NotificationLogEntry::at)).toList();
	}

}
