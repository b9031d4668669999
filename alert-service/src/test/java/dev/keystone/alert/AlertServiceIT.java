package dev.keystone.alert;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keystone.events.Severity;
import dev.keystone.testkit.KeystoneStackExtension;
import dev.keystone.testkit.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * alert-service on the real broker, with real HTTP receivers of every type: grouping,
 * formats, lifecycle, silences, a receiver that is down, the API's errors and its stream.
 */
@ExtendWith(KeystoneStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertServiceIT {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private Receivers receivers;

	private AlertServiceRun run;

	private ServiceProcess service;

	@BeforeAll
	void start() {
		this.receivers = Receivers.start();
		this.run = new AlertServiceRun(this.receivers.environment("webhook", "alertmanager", "slack", "pagerduty"));
		this.service = this.run.start();
		HttpResponse<String> rules = AlertServiceRun.call(this.service, "PUT", "/v1/alert-rules", """
				[{"metric": "it_ack", "groupWait": "1s", "repeatInterval": "3s"},
				 {"metric": "it_*", "groupWait": "2s", "resolveAfter": "20s", "repeatInterval": "1h"}]
				""");
		assertThat(rules.statusCode()).as(rules.body()).isEqualTo(200);
		await().atMost(PATIENCE)
			.until(() -> this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alert-rules", null)).size() == 2);
	}

	@AfterAll
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
		this.run.close();
		this.receivers.close();
	}

	@Test
	void tenScopesFiringTogetherAreOneNotificationPerReceiverInEachFormatAndResolveByThemselves() {
		for (int i = 0; i < 10; i++) {
			this.run.anomaly("it_storm", "title:t" + i, Severity.HIGH, 2, 40);
		}

		await().atMost(PATIENCE).until(() -> webhook("it_storm", "firing").size() == 1);
		JsonNode webhook = webhook("it_storm", "firing").get(0).body();
		assertThat(webhook.get("alerts")).hasSize(10);
		assertThat(webhook.get("summary").asText()).isEqualTo("it storm dropped in 10 scopes");
		assertThat(webhook.get("groupKey").asText()).isEqualTo("metric=it_storm");
		assertThat(webhook("it_storm", "firing").get(0).notificationId())
			.isEqualTo(webhook.get("notificationId").asText());

		await().atMost(PATIENCE).until(() -> alertmanager("it_storm").size() == 1);
		JsonNode alertmanager = alertmanager("it_storm").get(0).body();
		assertThat(alertmanager.get("version").asText()).isEqualTo("4");
		assertThat(alertmanager.get("status").asText()).isEqualTo("firing");
		assertThat(alertmanager.get("alerts")).hasSize(10);
		assertThat(alertmanager.at("/commonLabels/alertname").asText()).isEqualTo("it_storm");
		assertThat(alertmanager.at("/groupLabels/alertname").asText()).isEqualTo("it_storm");

		await().atMost(PATIENCE).until(() -> slack("it storm").size() == 1);
		assertThat(slack("it storm").get(0).body().get("text").asText()).contains("it storm dropped in 10 scopes");

		await().atMost(PATIENCE).until(() -> pagerDuty("it_storm").size() == 10);
		Set<String> dedupKeys = new HashSet<>();
		for (Receivers.Received event : pagerDuty("it_storm")) {
			assertThat(event.body().get("event_action").asText()).isEqualTo("trigger");
			assertThat(event.body().get("routing_key").asText()).isEqualTo("R0UT1NGKEY");
			assertThat(event.body().at("/payload/severity").asText()).isEqualTo("error");
			dedupKeys.add(event.body().get("dedup_key").asText());
		}
		assertThat(dedupKeys).hasSize(10);

		JsonNode list = this.run
			.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts?metric=it_storm&state=firing&size=5", null));
		assertThat(list.get("total").asInt()).isEqualTo(10);
		assertThat(list.get("alerts")).hasSize(5);
		String alertId = list.at("/alerts/0/alertId").asText();
		assertThat(dedupKeys).contains(alertId);
		await().atMost(PATIENCE)
			.until(() -> this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts/" + alertId, null))
				.get("notifications")
				.size() == 4);
		JsonNode detail = this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts/" + alertId, null));
		assertThat(detail.get("anomalies")).hasSize(1);
		assertThat(detail.get("severity").asText()).isEqualTo("high");
		for (JsonNode entry : detail.get("notifications")) {
			assertThat(entry.get("outcome").asText()).isEqualTo("delivered");
			assertThat(entry.get("transition").asText()).isEqualTo("firing");
		}

		await().atMost(PATIENCE).until(() -> resolvedAlertIds(webhook("it_storm", "resolved")).size() == 10);
		assertThat(webhook("it_storm", "firing")).hasSize(1);
		// The API answers from its mirror of the alert states, which may trail the
		// receiver by a poll.
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(
					this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts/" + alertId, null))
						.path("resolution")
						.asText())
				.isEqualTo("auto"));
	}

	@Test
	void acknowledgingStopsRepeatsAndActionsAnswer404And409() {
		this.run.anomaly("it_ack", "country:DE", Severity.MEDIUM, 0.4, 0.05);
		await().atMost(PATIENCE).until(() -> !webhook("it_ack", "repeat").isEmpty());
		String alertId = webhook("it_ack", "firing").get(0).body().at("/alerts/0/alertId").asText();

		HttpResponse<String> acknowledged = AlertServiceRun.call(this.service, "POST",
				"/v1/alerts/" + alertId + "/acknowledge", "{\"by\": \"kim\", \"comment\": \"on it\"}");
		assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
		assertThat(this.run.json(acknowledged).get("state").asText()).isEqualTo("acknowledged");
		assertThat(this.run.json(acknowledged).get("acknowledgedBy").asText()).isEqualTo("kim");
		await().atMost(PATIENCE).until(() -> webhook("it_ack", "acknowledged").size() == 1);
		int repeats = webhook("it_ack", "repeat").size();
		await().pollDelay(Duration.ofSeconds(7))
			.atMost(PATIENCE)
			.until(() -> webhook("it_ack", "repeat").size() == repeats);

		assertThat(
				AlertServiceRun.call(this.service, "POST", "/v1/alerts/" + alertId + "/acknowledge", null).statusCode())
			.isEqualTo(409);
		assertThat(AlertServiceRun.call(this.service, "POST", "/v1/alerts/al-nope/acknowledge", null).statusCode())
			.isEqualTo(404);
		assertThat(AlertServiceRun.call(this.service, "GET", "/v1/alerts/al-nope", null).statusCode()).isEqualTo(404);
		HttpResponse<String> resolved = AlertServiceRun.call(this.service, "POST", "/v1/alerts/" + alertId + "/resolve",
				"{}");
		assertThat(resolved.statusCode()).as(resolved.body()).isEqualTo(200);
		assertThat(this.run.json(resolved).get("resolution").asText()).isEqualTo("manual");
		assertThat(AlertServiceRun.call(this.service, "POST", "/v1/alerts/" + alertId + "/resolve", null).statusCode())
			.isEqualTo(409);
		await().atMost(PATIENCE).until(() -> webhook("it_ack", "resolved").size() == 1);
	}

	@Test
	void aSilenceHoldsNotificationsBackAndEndingItSendsTheAlertStillFiring() {
		HttpResponse<String> created = AlertServiceRun.call(this.service, "POST", "/v1/silences", """
				{"matchers": {"metric": "it_silenced", "scope": "title:*"}, "endsAt": "%s", "comment": "deploy"}
				""".formatted(Instant.now().plus(Duration.ofMinutes(10))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String silenceId = this.run.json(created).get("silenceId").asText();
		await().atMost(PATIENCE)
			.until(() -> this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/silences?active=true", null))
				.findValuesAsText("silenceId")
				.contains(silenceId));
		await().pollDelay(Duration.ofSeconds(2)).atMost(PATIENCE).until(() -> true);

		this.run.anomaly("it_silenced", "title:t1", Severity.CRITICAL, 0.9, 0.1);
		await().atMost(PATIENCE)
			.until(() -> this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts?metric=it_silenced", null))
				.at("/alerts/0/silencedBy")
				.asText()
				.equals(silenceId));
		await().pollDelay(Duration.ofSeconds(4)).atMost(PATIENCE).until(() -> true);
		assertThat(webhook("it_silenced", "firing")).isEmpty();

		assertThat(AlertServiceRun.call(this.service, "DELETE", "/v1/silences/" + silenceId, null).statusCode())
			.isEqualTo(200);
		await().atMost(PATIENCE).until(() -> webhook("it_silenced", "firing").size() == 1);
		assertThat(AlertServiceRun.call(this.service, "DELETE", "/v1/silences/si-nope", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aReceiverDownForAWhileGetsItsNotificationOnceWhenItIsBack() {
		this.receivers.down("webhook", true);
		try {
			this.run.anomaly("it_down", "country:FR", Severity.HIGH, 0.5, 0.05);
			await().atMost(PATIENCE).until(() -> alertmanager("it_down").size() == 1);
			await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> true);
			assertThat(webhook("it_down", "firing")).isEmpty();
		}
		finally {
			this.receivers.down("webhook", false);
		}
		await().atMost(PATIENCE).until(() -> webhook("it_down", "firing").size() == 1);
		await().pollDelay(Duration.ofSeconds(3)).atMost(PATIENCE).until(() -> true);
		assertThat(webhook("it_down", "firing")).hasSize(1);
		String alertId = webhook("it_down", "firing").get(0).body().at("/alerts/0/alertId").asText();
		await().atMost(PATIENCE).until(() -> {
			JsonNode log = this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alerts/" + alertId, null))
				.get("notifications");
			for (JsonNode entry : log) {
				if (entry.get("receiver").asText().equals("webhook")) {
					return entry.get("attempts").asInt() > 1;
				}
			}
			return false;
		});
	}

	@Test
	void answersBadInputWith400NamingTheField() {
		assertBadRequest(AlertServiceRun.call(this.service, "PUT", "/v1/alert-rules", "[{\"groupWait\": \"soon\"}]"),
				"[0].groupWait");
		assertBadRequest(
				AlertServiceRun.call(this.service, "PUT", "/v1/alert-rules", "[{\"receivers\": [\"nobody\"]}]"),
				"[0].receivers[0]");
		assertBadRequest(AlertServiceRun.call(this.service, "PUT", "/v1/alert-rules", "[{\"resolveAftr\": \"5m\"}]"),
				"[0].resolveAftr");
		assertBadRequest(AlertServiceRun.call(this.service, "PUT", "/v1/alert-rules", "[{\"for\": 0}]"), "[0].for");
		assertBadRequest(AlertServiceRun.call(this.service, "POST", "/v1/silences",
				"{\"matchers\": {\"metric\": \"error_rate\"}}"), "endsAt");
		assertBadRequest(
				AlertServiceRun.call(this.service, "POST", "/v1/silences", "{\"endsAt\": \"2099-01-01T00:00:00Z\"}"),
				"matchers");
		assertBadRequest(AlertServiceRun.call(this.service, "GET", "/v1/alerts?state=open", null), "state");
		assertBadRequest(AlertServiceRun.call(this.service, "GET", "/v1/alerts?size=0", null), "size");
		assertBadRequest(AlertServiceRun.call(this.service, "GET", "/v1/alerts?from=yesterday", null), "from");
		assertThat(this.run.json(AlertServiceRun.call(this.service, "GET", "/v1/alert-rules", null))).hasSize(2);
	}

	@Test
	void streamsEveryStateChangeAsAnAlertEvent() throws Exception {
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.service.url() + "/v1/alerts/stream"))
			.header("Accept", "text/event-stream")
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				in.lines().forEach(lines::add);
			}
			catch (Exception ex) {
				// the stream ends when the test closes it
			}
		});
		reader.setDaemon(true);
		reader.start();
		await().pollDelay(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> true);

		this.run.anomaly("it_stream", "country:JP", Severity.LOW, 9, 1);

		await().atMost(PATIENCE)
			.until(() -> lines.stream().anyMatch((line) -> line.startsWith("data:") && line.contains("it_stream")));
		assertThat(lines).contains("event:alert");
		response.body().close();
	}

	private void assertBadRequest(HttpResponse<String> response, String field) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(this.run.json(response).get("field").asText()).isEqualTo(field);
	}

	private List<Receivers.Received> webhook(String metric, String transition) {
		return this.receivers.received("webhook")
			.stream()
			.filter((r) -> r.body().at("/alerts/0/metric").asText().equals(metric))
			.filter((r) -> r.body().get("transition").asText().equals(transition))
			.toList();
	}

	private List<Receivers.Received> alertmanager(String metric) {
		return this.receivers.received("alertmanager")
			.stream()
			.filter((r) -> r.body().at("/alerts/0/labels/alertname").asText().equals(metric))
			.filter((r) -> r.body().get("status").asText().equals("firing"))
			.toList();
	}

	private List<Receivers.Received> slack(String words) {
		return this.receivers.received("slack")
			.stream()
			.filter((r) -> r.body().get("text").asText().contains(words))
			.filter((r) -> !r.body().get("text").asText().contains("resolved"))
			.toList();
	}

	private List<Receivers.Received> pagerDuty(String metric) {
		return this.receivers.received("pagerduty")
			.stream()
			.filter((r) -> r.body().at("/payload/group").asText().equals(metric))
			.filter((r) -> r.body().get("event_action").asText().equals("trigger"))
			.toList();
	}

	private static Set<String> resolvedAlertIds(List<Receivers.Received> received) {
		Set<String> ids = new HashSet<>();
		received.forEach((r) -> r.body().get("alerts").forEach((alert) -> ids.add(alert.get("alertId").asText())));
		return ids;
	}

}
