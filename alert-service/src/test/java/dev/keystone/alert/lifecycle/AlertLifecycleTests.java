package dev.keystone.alert.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.keystone.alert.delivery.Notification;
import dev.keystone.alert.rules.RuleDocument;
import dev.keystone.alert.silences.Silence;
import dev.keystone.events.Alert;
import dev.keystone.events.Anomaly;
import dev.keystone.events.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AlertLifecycleTests {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	@Test
	void firesOnceTheRuleHasSeenAnomaliesInForWindows() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("error_rate", "2", null, "1s"));
			pipeline.anomaly("error_rate", "title:t1", Severity.MEDIUM, 0.4, 0.05);
			pipeline.advance(Duration.ofSeconds(5));

			assertThat(pipeline.alerts()).isEmpty();
			assertThat(pipeline.notifications()).isEmpty();

			pipeline.advance(MINUTE);
			pipeline.anomaly("error_rate", "title:t1", Severity.MEDIUM, 0.5, 0.05);
			pipeline.advance(Duration.ofSeconds(2));

			List<Alert> alerts = pipeline.alerts();
			assertThat(alerts).singleElement().satisfies((alert) -> {
				assertThat(alert.transition()).isEqualTo(Alert.Transition.FIRING);
				assertThat(alert.state()).isEqualTo(Alert.State.FIRING);
				assertThat(alert.anomalyCount()).isEqualTo(2);
				assertThat(alert.groupKey()).isEqualTo("error_rate:title:t1");
			});
			assertThat(pipeline.notifications()).singleElement()
				.satisfies((notification) -> assertThat(notification.alerts()).hasSize(1));
		}
	}

	@Test
	void aNoisyMinuteAloneDoesNotPageWhenTheRuleAsksForMore() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", "3", null, "1s"));
			pipeline.anomaly("crashes", "country:DE", Severity.HIGH, 40, 3);
			pipeline.advance(Duration.ofMinutes(11));

			assertThat(pipeline.alerts()).isEmpty();
			assertThat(pipeline.notifications()).isEmpty();
		}
	}

	@Test
	void anAnomalyEveryOtherMinuteIsOneFiringAlert() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, null, "1s"));
			for (int i = 0; i < 10; i++) {
				pipeline.anomaly("buffering_ratio", "deviceClass:tv", Severity.LOW, 0.3, 0.1);
				pipeline.advance(MINUTE.multipliedBy(2));
			}

			List<Alert> alerts = pipeline.alerts();
			assertThat(alerts).extracting(Alert::transition).containsExactly(Alert.Transition.FIRING);
			assertThat(pipeline.notifications()).hasSize(1);
		}
	}

	@Test
	void tenScopesOfOneMetricFiringTogetherAreOneNotificationSummarisedAsAStorm() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			for (int i = 0; i < 10; i++) {
				pipeline.anomaly("active_viewers", "title:t" + i, Severity.HIGH, 2, 40);
				pipeline.advance(Duration.ofSeconds(1));
			}
			assertThat(pipeline.notifications()).isEmpty();

			pipeline.advance(Duration.ofSeconds(30));

			List<Notification> notifications = pipeline.notifications();
			assertThat(notifications).singleElement().satisfies((notification) -> {
				assertThat(notification.alerts()).hasSize(10);
				assertThat(notification.summary()).isEqualTo("active viewers dropped in 10 scopes");
				assertThat(notification.groupKey()).isEqualTo("metric=active_viewers");
				assertThat(notification.receivers()).containsExactlyInAnyOrder("ops", "pager");
			});
			assertThat(pipeline.alerts()).hasSize(10);
		}
	}

	@Test
	void resolvesByItselfAfterTheQuietPeriodAndSaysSo() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, "3m", "1s"));
			pipeline.anomaly("error_rate", "country:US", Severity.MEDIUM, 0.44, 0.08);
			pipeline.advance(Duration.ofSeconds(2));
			assertThat(pipeline.notifications()).hasSize(1);

			pipeline.advance(Duration.ofMinutes(3));

			List<Alert> alerts = pipeline.alerts();
			assertThat(alerts).extracting(Alert::transition)
				.containsExactly(Alert.Transition.FIRING, Alert.Transition.RESOLVED);
			assertThat(alerts.get(1).resolution()).isEqualTo(Alert.Resolution.AUTO);
			assertThat(pipeline.notifications()).singleElement().satisfies((notification) -> {
				assertThat(notification.transition()).isEqualTo(Alert.Transition.RESOLVED);
				assertThat(notification.status()).isEqualTo("resolved");
			});
		}
	}

	@Test
	void aBacklogIsNotQuiet() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, "1m", "1s"));
			pipeline.anomaly("crashes", "country:BR", Severity.LOW, 9, 1);
			for (int i = 0; i < 90; i++) {
				pipeline.backlogged(pipeline.anomaly("error_rate", "country:DE", Severity.LOW, 0.3, 0.1),
						Duration.ofMinutes(1));
				pipeline.advance(Duration.ofSeconds(1));
			}

			assertThat(pipeline.alerts()).extracting(Alert::transition)
				.containsExactly(Alert.Transition.FIRING, Alert.Transition.FIRING);

			pipeline.advance(Duration.ofSeconds(3));

			assertThat(pipeline.alerts()).extracting(Alert::metric).containsExactly("crashes");
		}
	}

	@Test
	void aNewAnomalyAfterResolutionOpensANewAlert() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, "2m", "1s"));
			pipeline.anomaly("crashes", "title:t1", Severity.LOW, 9, 1);
			pipeline.advance(Duration.ofMinutes(3));
			pipeline.anomaly("crashes", "title:t1", Severity.LOW, 9, 1);
			pipeline.advance(Duration.ofSeconds(2));

			List<Alert> alerts = pipeline.alerts();
			assertThat(alerts).extracting(Alert::transition)
				.containsExactly(Alert.Transition.FIRING, Alert.Transition.RESOLVED, Alert.Transition.FIRING);
			assertThat(alerts.get(2).alertId()).isNotEqualTo(alerts.get(0).alertId());
		}
	}

	@Test
	void repeatsAFiringAlertUntilSomeoneAcknowledgesIt() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(new RuleDocument("*", null, null, null, null, "1h", "5m", null, null, "1s"));
			pipeline.anomaly("error_rate", "title:t1", Severity.HIGH, 0.5, 0.05);
			pipeline.advance(Duration.ofSeconds(2));
			pipeline.advance(Duration.ofMinutes(5));

			assertThat(pipeline.notifications()).extracting(Notification::transition)
				.containsExactly(Alert.Transition.FIRING, Alert.Transition.REPEAT);
			Alert firing = pipeline.alerts().get(0);

			pipeline.act(InboxMessage.ACKNOWLEDGE, firing, "kim");
			pipeline.advance(Duration.ofMinutes(20));

			List<Alert> after = pipeline.alerts();
			assertThat(after).extracting(Alert::transition).containsExactly(Alert.Transition.ACKNOWLEDGED);
			assertThat(after.get(0).acknowledgedBy()).isEqualTo("kim");
			assertThat(pipeline.notifications()).extracting(Notification::transition)
				.containsExactly(Alert.Transition.ACKNOWLEDGED);
		}
	}

	@Test
	void resolvingByHandSendsTheResolutionAtOnce() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, null, "1s"));
			pipeline.anomaly("error_rate", "title:t1", Severity.HIGH, 0.5, 0.05);
			pipeline.advance(Duration.ofSeconds(2));
			Alert firing = pipeline.alerts().get(0);
			pipeline.notifications();

			pipeline.act(InboxMessage.RESOLVE, firing, "kim");

			assertThat(pipeline.alerts()).singleElement().satisfies((alert) -> {
				assertThat(alert.state()).isEqualTo(Alert.State.RESOLVED);
				assertThat(alert.resolution()).isEqualTo(Alert.Resolution.MANUAL);
			});
			assertThat(pipeline.notifications()).extracting(Notification::transition)
				.containsExactly(Alert.Transition.RESOLVED);
		}
	}

	@Test
	void aSilenceHoldsNotificationsBackAndItsEndSendsTheAlertStillFiring() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, "1h", "1s"));
			Instant now = pipeline.now();
			pipeline.silence(new Silence("si-1", new Silence.Matchers("error_rate", "title:*", "*"), now,
					now.plus(Duration.ofMinutes(10)), "kim", "deploy", now));
			pipeline.anomaly("error_rate", "title:t1", Severity.HIGH, 0.5, 0.05);
			pipeline.advance(Duration.ofMinutes(5));

			assertThat(pipeline.alerts()).singleElement()
				.satisfies((alert) -> assertThat(alert.silencedBy()).isEqualTo("si-1"));
			assertThat(pipeline.notifications()).isEmpty();

			pipeline.advance(Duration.ofMinutes(6));

			assertThat(pipeline.notifications()).singleElement()
				.satisfies((notification) -> assertThat(notification.transition()).isEqualTo(Alert.Transition.FIRING));
		}
	}

	@Test
	void aHigherSeverityFiresAgain() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, null, "1s"));
			pipeline.anomaly("crashes", "country:BR", Severity.LOW, 9, 1);
			pipeline.advance(Duration.ofSeconds(2));
			pipeline.anomaly("crashes", "country:BR", Severity.CRITICAL, 90, 1);
			pipeline.advance(Duration.ofSeconds(2));

			List<Alert> alerts = pipeline.alerts();
			assertThat(alerts).extracting(Alert::severity).containsExactly(Severity.LOW, Severity.CRITICAL);
			assertThat(alerts).extracting(Alert::transition)
				.containsExactly(Alert.Transition.FIRING, Alert.Transition.FIRING);
			assertThat(pipeline.notifications()).hasSize(2);
		}
	}

	@Test
	void countsTheSameAnomalyOnce() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(rule("*", null, null, "1s"));
			Anomaly anomaly = pipeline.anomaly("crashes", "country:BR", Severity.LOW, 9, 1);
			pipeline.send(anomaly);
			pipeline.advance(Duration.ofSeconds(2));

			List<AlertRecord> states = pipeline.states();
			assertThat(states.get(states.size() - 1).alert().anomalyCount()).isEqualTo(1);
			assertThat(pipeline.notifications()).hasSize(1);
		}
	}

	@Test
	void aBurstOfAnomaliesIsOneStateRecordPerTickNotOnePerAnomaly() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			for (int i = 0; i < 10; i++) {
				pipeline.anomaly("crashes", "country:BR", Severity.LOW, 9 + i, 1);
			}
			assertThat(pipeline.states()).hasSize(1);

			pipeline.advance(Duration.ofSeconds(1));

			List<AlertRecord> states = pipeline.states();
			assertThat(states).singleElement()
				.satisfies((state) -> assertThat(state.alert().anomalyCount()).isEqualTo(10));
			pipeline.advance(Duration.ofSeconds(3));
			assertThat(pipeline.states()).isEmpty();
		}
	}

	@Test
	void summarisesWithTheTitleName() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.title("st-1", "Stranger Things: Chapter One");
			pipeline.anomaly("error_rate", "title:st-1", Severity.HIGH, 0.44, 0.08);

			assertThat(pipeline.alerts()).singleElement()
				.satisfies((alert) -> assertThat(alert.summary())
					.isEqualTo("error rate 44% of sessions vs 8.0% expected for title Stranger Things: Chapter One"));
		}
	}

	@Test
	void leavesAnomaliesFromLongAgoOutOfAlerts() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			Instant old = pipeline.now().minus(Duration.ofHours(3));
			pipeline.send(new Anomaly("an-old", "crashes", "country:BR", old.minusSeconds(60), old, 9, 1, 5,
					Severity.HIGH, old));
			pipeline.advance(Duration.ofMinutes(1));

			assertThat(pipeline.alerts()).isEmpty();
		}
	}

	@Test
	void groupsByScopeWhenTheRuleSaysSo() {
		try (TestLifecycle pipeline = new TestLifecycle()) {
			pipeline.rules(new RuleDocument("*", null, null, null, null, null, null, List.of("ops"),
					List.of("metric", "scope"), "1s"));
			pipeline.anomaly("crashes", "country:BR", Severity.LOW, 9, 1);
			pipeline.anomaly("crashes", "country:DE", Severity.LOW, 9, 1);
			pipeline.advance(Duration.ofSeconds(2));

			assertThat(pipeline.notifications()).extracting(Notification::groupKey)
				.containsExactlyInAnyOrder("metric=crashes,scope=country:BR", "metric=crashes,scope=country:DE");
		}
	}

	private static RuleDocument rule(String metric, String forWindows, String resolveAfter, String groupWait) {
		return new RuleDocument(metric, null, null, (forWindows != null) ? Integer.valueOf(forWindows) : null, null,
				resolveAfter, null, null, null, groupWait);
	}

}
