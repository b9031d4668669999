package dev.keystone.alert.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.Notification;
import dev.keystone.alert.rules.AlertRule;
import dev.keystone.alert.rules.RuleSet;
import dev.keystone.alert.rules.StoredRules;
import dev.keystone.alert.silences.Silence;
import dev.keystone.alert.system.AlertSettings;
import dev.keystone.alert.system.Digests;
import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import dev.keystone.events.Title;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert lifecycle of one metric's task: anomalies open and feed alerts, people
 * acknowledge and resolve them, and a wall-clock tick fires the timers (group waits,
 * quiet periods, repeats, silences ending). Each change goes out as {@link Output}s in
 * the same exactly-once transaction as the state that made it, so a crash never loses a
 * decision nor makes one twice.
 */
final class Lifecycle implements ProcessorSupplier<String, String, String, Output> {

	static final String BOOK = "alert-book";

	static final String RULES = "alert-rules";

	static final String SILENCES = "alert-silences";

	static final String TITLES = "catalog-titles";

	private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

	private static final String TRACKED = "a|";

	private static final String GROUP = "g|";

	private static final int KEPT_IDS = 100;

	private static final long BACKLOG_LAG_MS = 5000;

	private static final long IDLE_MS = 2000;

	private final AlertSettings settings;

	private final StoredRules rules;

	private final Set<String> receivers;

	private final KeyValueBytesStoreSupplier book;

	private final AlertMetrics metrics;

	private final ObjectMapper mapper;

	Lifecycle(AlertSettings settings, StoredRules rules, Set<String> receivers, KeyValueBytesStoreSupplier book,
			AlertMetrics metrics, ObjectMapper mapper) {
		this.settings = settings;
		this.rules = rules;
		this.receivers = receivers;
		this.book = book;
		this.metrics = metrics;
		this.mapper = mapper;
	}

	@Override
	public Set<StoreBuilder<?>> stores() {
		// Cached: a burst of anomalies rewrites an alert many times between two commits,
		// and only its last form need reach the changelog.
		return Set.of(Stores.keyValueStoreBuilder(this.book, Serdes.String(), Serdes.String()).withCachingEnabled());
	}

	@Override
	public Processor<String, String, String, Output> get() {
		return new Task();
	}

	/** New firing alerts of one notification group, gathered for its group wait. */
	record PendingGroup(long sinceMs, List<String> alertGroups) {

	}

	private final class Task implements Processor<String, String, String, Output> {

		private ProcessorContext<String, Output> context;

		private KeyValueStore<String, String> book;

		private KeyValueStore<String, ValueAndTimestamp<String>> ruleStore;

		private KeyValueStore<String, ValueAndTimestamp<String>> silenceStore;

		private KeyValueStore<String, ValueAndTimestamp<String>> titleStore;

		private Summaries summaries;

		/**
		 * How far behind its input this task was at its newest record, and when that was.
		 */
		private long inputLagMs;

		private long lastInputMs;

		@Override
		public void init(ProcessorContext<String, Output> context) {
			this.context = context;
			this.book = context.getStateStore(BOOK);
			this.ruleStore = context.getStateStore(RULES);
			this.silenceStore = context.getStateStore(SILENCES);
			this.titleStore = context.getStateStore(TITLES);
			this.summaries = new Summaries(this::titleName, Lifecycle.this.settings.stormThreshold());
			context.schedule(Lifecycle.this.settings.tick(), PunctuationType.WALL_CLOCK_TIME, this::tick);
		}

		@Override
		public void process(Record<String, String> record) {
			this.lastInputMs = this.context.currentSystemTimeMs();
			this.inputLagMs = this.lastInputMs - record.timestamp();
			JsonNode json;
			try {
				json = Lifecycle.this.mapper.readTree(record.value());
			}
			catch (JsonProcessingException | IllegalArgumentException ex) {
				log.warn("skipping an unreadable record on the alert inbox: {}", ex.getMessage());
				return;
			}
			try {
				if (json.has("anomalyId")) {
					anomaly(Lifecycle.this.mapper.treeToValue(json, Anomaly.class));
				}
				else {
					action(Lifecycle.this.mapper.treeToValue(json, InboxMessage.class));
				}
			}
			catch (JsonProcessingException | IllegalArgumentException ex) {
				log.warn("skipping an unusable record on the alert inbox: {}", ex.getMessage());
			}
		}

		private void anomaly(Anomaly anomaly) {
			long now = this.context.currentSystemTimeMs();
			if (anomaly.detectedAt() == null || anomaly.severity() == null || anomaly.metric() == null
					|| anomaly.scope() == null) {
				log.warn("skipping anomaly {} without metric, scope, severity or detection time", anomaly.anomalyId());
				return;
			}
			if (anomaly.detectedAt()
				.isBefore(Instant.ofEpochMilli(now).minus(Lifecycle.this.settings.maxAnomalyAge()))) {
				Lifecycle.this.metrics.anomaly("stale");
				return;
			}
			String key = TRACKED + anomaly.key();
			Tracked tracked = read(key, Tracked.class);
			if (tracked != null && tracked.alert().anomalyIds().contains(anomaly.anomalyId())) {
				Lifecycle.this.metrics.anomaly("duplicate");
				return;
			}
			Lifecycle.this.metrics.anomaly("tracked");
			AlertRule rule = ruleSet().forAlert(anomaly.metric(), anomaly.scope(), anomaly.severity());
			Tracked before = (tracked != null) ? tracked : open(anomaly);
			Tracked after = add(before, anomaly, rule, now);
			Alert alert = after.alert();
			if (!after.live()) {
				if (after.windows().size() >= rule.forWindows()) {
					alert = state(alert, Alert.State.FIRING, now, null, null, null);
					alert = alert.toBuilder()
						.openedAt(Instant.ofEpochMilli(now))
						.acknowledged(null, null)
						.resolved(null, null)
						.silencedBy(silenceOf(alert, now))
						.transition(null)
						.build();
					after = new Tracked(alert, true, after.anomalies(), after.windows(), after.quietSinceMs(), false, 0,
							false);
					changed(after, Alert.Transition.FIRING);
					if (alert.silencedBy() == null) {
						gather(alert, rule, now);
					}
				}
				write(key, after);
				return;
			}
			boolean escalated = anomaly.severity().compareTo(before.alert().severity()) > 0;
			if (escalated) {
				alert = state(alert, Alert.State.FIRING, now, null, null, null);
				after = after.with(alert);
				changed(after, Alert.Transition.FIRING);
				if (alert.silencedBy() == null) {
					gather(alert, rule, now);
				}
			}
			else {
				after = after.published(true);
			}
			write(key, after);
		}

		private void action(InboxMessage message) {
			long now = this.context.currentSystemTimeMs();
			String key = TRACKED + message.metric() + ":" + message.scope();
			Tracked tracked = read(key, Tracked.class);
			if (tracked == null || !tracked.live() || !tracked.alert().alertId().equals(message.alertId())) {
				log.info("ignoring {} of alert {}: it is no longer open", message.action(), message.alertId());
				return;
			}
			Alert alert = tracked.alert();
			AlertRule rule = ruleSet().forAlert(alert.metric(), alert.scope(), alert.severity());
			if (InboxMessage.ACKNOWLEDGE.equals(message.action()) && alert.state() == Alert.State.FIRING) {
				Alert acknowledged = state(alert, Alert.State.ACKNOWLEDGED, now, message.by(), null, null);
				Tracked after = tracked.with(acknowledged);
				changed(after, Alert.Transition.ACKNOWLEDGED);
				write(key, after);
				if (tracked.firingSent()) {
					notify(Alert.Transition.ACKNOWLEDGED, rule,
							List.of(acknowledged.withTransition(Alert.Transition.ACKNOWLEDGED)), now);
				}
				log.info("alert={} acknowledged by={}", alert.alertId(), message.by());
			}
			else if (InboxMessage.RESOLVE.equals(message.action())) {
				resolve(key, tracked, rule, Alert.Resolution.MANUAL, now);
				log.info("alert={} resolved by={}", alert.alertId(), message.by());
			}
		}

		private void tick(long now) {
			RuleSet ruleSet = ruleSet();
			Map<String, List<Alert>> resolved = new LinkedHashMap<>();
			Map<String, List<Alert>> repeats = new LinkedHashMap<>();
			Map<String, AlertRule> groupRules = new LinkedHashMap<>();
			boolean backlog = catchingUp(now);
			List<KeyValue<String, String>> entries = new ArrayList<>();
			try (KeyValueIterator<String, String> all = this.book.prefixScan(TRACKED, Serdes.String().serializer())) {
				all.forEachRemaining(entries::add);
			}
			for (KeyValue<String, String> entry : entries) {
				Tracked tracked = parse(entry.value, Tracked.class);
				Alert alert = tracked.alert();
				AlertRule rule = ruleSet.forAlert(alert.metric(), alert.scope(), alert.severity());
				long quiet = now - tracked.quietSinceMs();
				if (!tracked.live()) {
					if (quiet >= rule.forWithin().toMillis()) {
						this.book.delete(entry.key);
					}
					continue;
				}
				String group = groupKey(alert, rule);
				if (quiet >= rule.resolveAfter().toMillis() && !backlog) {
					Alert done = resolve(entry.key, tracked, rule, Alert.Resolution.AUTO, now);
					if (done != null) {
						resolved.computeIfAbsent(group, (g) -> new ArrayList<>()).add(done);
						groupRules.putIfAbsent(group, rule);
					}
					continue;
				}
				Tracked after = silence(tracked, rule, now);
				if (after.alert().state() == Alert.State.FIRING && after.firingSent()
						&& after.alert().silencedBy() == null
						&& now - after.notifiedAtMs() >= rule.repeatInterval().toMillis()) {
					repeats.computeIfAbsent(group, (g) -> new ArrayList<>())
						.add(after.alert().withTransition(Alert.Transition.REPEAT));
					groupRules.putIfAbsent(group, rule);
					Lifecycle.this.metrics.transition(Alert.Transition.REPEAT);
					this.context.forward(new Record<>(after.alert().alertId(),
							Output.alert(after.alert().withTransition(Alert.Transition.REPEAT), Lifecycle.this.mapper),
							now));
					after = after.notified(now);
				}
				if (after.unpublished()) {
					after = after.published(false);
					keep(after);
				}
				if (after != tracked) {
					write(entry.key, after);
				}
			}
			resolved.forEach((group, alerts) -> notify(Alert.Transition.RESOLVED, groupRules.get(group), alerts, now));
			repeats.forEach((group, alerts) -> notify(Alert.Transition.REPEAT, groupRules.get(group), alerts, now));
			flushGroups(ruleSet, now);
		}

		/**
		 * Whether the task is working through a backlog: its records keep coming but were
		 * written well before it reads them. An alert is not quiet while the anomalies
		 * that would keep it open may still be in that backlog.
		 */
		private boolean catchingUp(long now) {
			return this.inputLagMs > BACKLOG_LAG_MS && now - this.lastInputMs < IDLE_MS;
		}

		/**
		 * Marks an alert silenced or not as the silences now say; a silence that ended
		 * sends what it held.
		 */
		private Tracked silence(Tracked tracked, AlertRule rule, long now) {
			Alert alert = tracked.alert();
			String silence = silenceOf(alert, now);
			if (java.util.Objects.equals(silence, alert.silencedBy())) {
				return tracked;
			}
			Alert changed = alert.toBuilder()
				.updatedAt(Instant.ofEpochMilli(now))
				.silencedBy(silence)
				.transition(null)
				.build();
			Tracked after = tracked.with(changed);
			keep(after);
			if (silence == null && changed.state() == Alert.State.FIRING && !tracked.firingSent()) {
				gather(changed, rule, now);
			}
			return after;
		}

		private Alert resolve(String key, Tracked tracked, AlertRule rule, Alert.Resolution resolution, long now) {
			Alert resolved = state(tracked.alert(), Alert.State.RESOLVED, now, null, Instant.ofEpochMilli(now),
					resolution);
			changed(tracked.with(resolved), Alert.Transition.RESOLVED);
			this.book.delete(key);
			if (!tracked.firingSent()) {
				return null;
			}
			Alert sent = resolved.withTransition(Alert.Transition.RESOLVED);
			if (resolution == Alert.Resolution.MANUAL) {
				notify(Alert.Transition.RESOLVED, rule, List.of(sent), now);
				return null;
			}
			return sent;
		}

		private void flushGroups(RuleSet ruleSet, long now) {
			List<KeyValue<String, String>> groups = new ArrayList<>();
			try (KeyValueIterator<String, String> all = this.book.prefixScan(GROUP, Serdes.String().serializer())) {
				all.forEachRemaining(groups::add);
			}
			for (KeyValue<String, String> entry : groups) {
				PendingGroup pending = parse(entry.value, PendingGroup.class);
				List<Alert> alerts = new ArrayList<>();
				AlertRule rule = null;
				List<KeyValue<String, Tracked>> sent = new ArrayList<>();
				for (String alertGroup : pending.alertGroups()) {
					Tracked tracked = read(TRACKED + alertGroup, Tracked.class);
					if (tracked == null || !tracked.live() || tracked.alert().state() != Alert.State.FIRING
							|| tracked.alert().silencedBy() != null) {
						continue;
					}
					Alert alert = tracked.alert();
					rule = (rule != null) ? rule : ruleSet.forAlert(alert.metric(), alert.scope(), alert.severity());
					alerts.add(alert.withTransition(Alert.Transition.FIRING));
					sent.add(KeyValue.pair(TRACKED + alertGroup, tracked.notified(now)));
				}
				if (rule != null && now - pending.sinceMs() < rule.groupWait().toMillis()) {
					continue;
				}
				this.book.delete(entry.key);
				if (!alerts.isEmpty()) {
					sent.forEach((kv) -> write(kv.key, kv.value));
					notify(Alert.Transition.FIRING, rule, alerts, now);
				}
			}
		}

		/**
		 * Adds a new firing alert to its notification group's gathering, started now if
		 * none is.
		 */
		private void gather(Alert alert, AlertRule rule, long now) {
			String key = GROUP + groupKey(alert, rule);
			PendingGroup pending = read(key, PendingGroup.class);
			List<String> alertGroups = new ArrayList<>((pending != null) ? pending.alertGroups() : List.of());
			if (!alertGroups.contains(alert.groupKey())) {
				alertGroups.add(alert.groupKey());
			}
			write(key, new PendingGroup((pending != null) ? pending.sinceMs() : now, alertGroups));
		}

		private void notify(Alert.Transition transition, AlertRule rule, List<Alert> alerts, long now) {
			List<String> to = rule.receivers().isEmpty() ? List.copyOf(Lifecycle.this.receivers) : rule.receivers();
			String group = groupKey(alerts.get(0), rule);
			Instant detected = alerts.stream().map(Alert::lastSeen).max(Instant::compareTo).orElseThrow();
			StringBuilder identity = new StringBuilder(group).append('|').append(transition).append('|').append(now);
			alerts.forEach((alert) -> identity.append('|').append(alert.alertId()));
			Notification notification = new Notification("n-" + Digests.hex(identity.toString(), 12), group, transition,
					this.summaries.notification(transition, alerts), to, alerts, Instant.ofEpochMilli(now), detected);
			this.context.forward(new Record<>(group, Output.notification(notification, Lifecycle.this.mapper), now));
		}

		private String groupKey(Alert alert, AlertRule rule) {
			StringBuilder key = new StringBuilder("metric=").append(alert.metric());
			if (rule.groupBy().contains("scope")) {
				key.append(",scope=").append(alert.scope());
			}
			return key.toString();
		}

		private Tracked open(Anomaly anomaly) {
			Alert alert = new Alert("al-" + Digests.hex(anomaly.anomalyId(), 10), anomaly.key(), anomaly.metric(),
					anomaly.scope(), Alert.State.FIRING, anomaly.severity(), "", List.of(), 0, anomaly.detectedAt(),
					anomaly.detectedAt(), null, null, null, null, null, null, null, null, null);
			return new Tracked(alert, false, List.of(), List.of(), 0, false, 0, false);
		}

		private Tracked add(Tracked tracked, Anomaly anomaly, AlertRule rule, long now) {
			Alert alert = tracked.alert();
			List<String> ids = new ArrayList<>(alert.anomalyIds());
			ids.add(anomaly.anomalyId());
			if (ids.size() > KEPT_IDS) {
				ids.subList(0, ids.size() - KEPT_IDS).clear();
			}
			List<Anomaly> anomalies = new ArrayList<>(tracked.anomalies());
			anomalies.add(anomaly);
			int kept = Lifecycle.this.settings.keptAnomalies();
			if (anomalies.size() > kept) {
				anomalies.subList(0, anomalies.size() - kept).clear();
			}
			List<Instant> windows = new ArrayList<>(tracked.windows());
			if (!windows.contains(anomaly.windowStart())) {
				windows.add(anomaly.windowStart());
			}
			Instant newest = windows.stream().max(Instant::compareTo).orElseThrow();
			windows.removeIf((start) -> start.isBefore(newest.minus(rule.forWithin())));
			Severity severity = (anomaly.severity().compareTo(alert.severity()) > 0) ? anomaly.severity()
					: alert.severity();
			Instant lastSeen = anomaly.detectedAt().isAfter(alert.lastSeen()) ? anomaly.detectedAt() : alert.lastSeen();
			Instant firstSeen = anomaly.detectedAt().isBefore(alert.firstSeen()) ? anomaly.detectedAt()
					: alert.firstSeen();
			Alert.Figures last = new Alert.Figures(anomaly.observed(), anomaly.expected(), anomaly.score());
			String summary = this.summaries.alert(alert.metric(), alert.scope(), anomaly.observed(),
					anomaly.expected());
			Alert updated = alert.toBuilder()
				.severity(severity)
				.summary(summary)
				.anomalies(List.copyOf(ids), alert.anomalyCount() + 1)
				.seen(firstSeen, lastSeen)
				.updatedAt(Instant.ofEpochMilli(now))
				.last(last)
				.transition(null)
				.build();
			return new Tracked(updated, tracked.live(), List.copyOf(anomalies), List.copyOf(windows), now,
					tracked.firingSent(), tracked.notifiedAtMs(), tracked.unpublished());
		}

		private Alert state(Alert alert, Alert.State state, long now, String acknowledgedBy, Instant resolvedAt,
				Alert.Resolution resolution) {
			boolean acknowledged = state == Alert.State.ACKNOWLEDGED;
			return alert.toBuilder()
				.state(state)
				.updatedAt(Instant.ofEpochMilli(now))
				.acknowledged(
						acknowledged ? acknowledgedBy : (state == Alert.State.FIRING) ? null : alert.acknowledgedBy(),
						acknowledged ? Instant.ofEpochMilli(now)
								: (state == Alert.State.FIRING) ? null : alert.acknowledgedAt())
				.resolved(resolvedAt, resolution)
				.transition(null)
				.build();
		}

		/**
		 * A state change: on {@code alerts} with its transition, and on the state topic.
		 */
		private void changed(Tracked tracked, Alert.Transition transition) {
			Alert alert = tracked.alert();
			Lifecycle.this.metrics.transition(transition);
			long now = this.context.currentSystemTimeMs();
			this.context.forward(new Record<>(alert.alertId(),
					Output.alert(alert.withTransition(transition), Lifecycle.this.mapper), now));
			keep(tracked);
		}

		/** The alert's current form on the state topic, which the read API serves. */
		private void keep(Tracked tracked) {
			Alert alert = tracked.alert();
			this.context.forward(new Record<>(alert.alertId(),
					Output.state(new AlertRecord(alert, tracked.anomalies()), Lifecycle.this.mapper),
					this.context.currentSystemTimeMs()));
		}

		private String silenceOf(Alert alert, long now) {
			Instant at = Instant.ofEpochMilli(now);
			try (KeyValueIterator<String, ValueAndTimestamp<String>> all = this.silenceStore.all()) {
				while (all.hasNext()) {
					ValueAndTimestamp<String> value = all.next().value;
					if (value == null || value.value() == null) {
						continue;
					}
					Silence silence = parse(value.value(), Silence.class);
					if (silence.activeAt(at) && silence.matches(alert)) {
						return silence.silenceId();
					}
				}
			}
			return null;
		}

		private RuleSet ruleSet() {
			ValueAndTimestamp<String> stored = this.ruleStore.get(StoredRules.KEY);
			return Lifecycle.this.rules.ruleSet((stored != null) ? stored.value() : null);
		}

		private String titleName(String titleId) {
			ValueAndTimestamp<String> stored = this.titleStore.get(titleId);
			if (stored == null || stored.value() == null) {
				return null;
			}
			try {
				return Lifecycle.this.mapper.readValue(stored.value(), Title.class).name();
			}
			catch (JsonProcessingException ex) {
				return null;
			}
		}

		private <T> T read(String key, Class<T> type) {
			String value = this.book.get(key);
			return (value != null) ? parse(value, type) : null;
		}

		private <T> T parse(String value, Class<T> type) {
			try {
				return Lifecycle.this.mapper.readValue(value, type);
			}
			catch (JsonProcessingException ex) {
				throw new IllegalStateException("unreadable " + type.getSimpleName() + " in the alert book", ex);
			}
		}

		private void write(String key, Object value) {
			this.book.put(key, EventJson.write(Lifecycle.this.mapper, value));
		}

	}

}
