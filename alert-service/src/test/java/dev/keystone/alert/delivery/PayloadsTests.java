package dev.keystone.alert.delivery;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.ReceiverSettings.Receiver;
import dev.keystone.events.Alert;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTests {

	private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

	private final ObjectMapper mapper = EventJson.newMapper();

	private final Payloads payloads = new Payloads(this.mapper);

	@Test
	void writesAlertmanagersWebhookVersion4() throws Exception {
		JsonNode body = one(Receiver.Type.ALERTMANAGER, notification(Alert.Transition.RESOLVED, resolved("al-1")));

		assertThat(body.get("version").asText()).isEqualTo("4");
		assertThat(body.get("status").asText()).isEqualTo("resolved");
		assertThat(body.get("receiver").asText()).isEqualTo("r");
		assertThat(body.at("/groupLabels/alertname").asText()).isEqualTo("error_rate");
		assertThat(body.at("/commonLabels/severity").asText()).isEqualTo("high");
		JsonNode alert = body.at("/alerts/0");
		assertThat(alert.at("/labels/alertname").asText()).isEqualTo("error_rate");
		assertThat(alert.at("/labels/scope").asText()).isEqualTo("title:t1");
		assertThat(alert.get("status").asText()).isEqualTo("resolved");
		assertThat(alert.get("endsAt").asText()).isEqualTo("2026-11-30T12:05:00Z");
		assertThat(alert.get("fingerprint").asText()).hasSize(16);
		assertThat(body.get("notificationId").asText()).isEqualTo("n-1");
	}

	@Test
	void sendsPagerDutyOneEventPerAlertWithTheAlertAsDedupKey() throws Exception {
		Receiver receiver = new Receiver("pd", Receiver.Type.PAGERDUTY, URI.create("http://x"), null, "KEY");
		Notification notification = notification(Alert.Transition.ACKNOWLEDGED, firing("al-1"), firing("al-2"));

		List<String> bodies = this.payloads.bodies(receiver, notification, notification.alerts());

		assertThat(bodies).hasSize(2);
		JsonNode first = this.mapper.readTree(bodies.get(0));
		assertThat(first.get("routing_key").asText()).isEqualTo("KEY");
		assertThat(first.get("event_action").asText()).isEqualTo("acknowledge");
		assertThat(first.get("dedup_key").asText()).isEqualTo("al-1");
		assertThat(first.at("/payload/severity").asText()).isEqualTo("error");
		assertThat(first.at("/payload/source").asText()).isEqualTo("keystone");
		assertThat(first.at("/payload/custom_details/notificationId").asText()).isEqualTo("n-1");
	}

	@Test
	void writesSlackAMessageWithTheSummaryAndEachAlert() throws Exception {
		JsonNode body = one(Receiver.Type.SLACK, notification(Alert.Transition.FIRING, firing("al-1")));

		assertThat(body.get("text").asText()).contains("*FIRING*", "errors summary", "[high] error rate up");
		assertThat(body.get("blocks")).hasSize(2);
		assertThat(body.at("/blocks/1/elements/0/text").asText()).contains("n-1");
	}

	@Test
	void writesTheWebhookAsTheContractSays() throws Exception {
		JsonNode body = one(Receiver.Type.WEBHOOK, notification(Alert.Transition.FIRING, firing("al-1")));

		assertThat(body.get("notificationId").asText()).isEqualTo("n-1");
		assertThat(body.get("receiver").asText()).isEqualTo("r");
		assertThat(body.get("groupKey").asText()).isEqualTo("metric=error_rate");
		assertThat(body.get("status").asText()).isEqualTo("firing");
		assertThat(body.at("/alerts/0/alertId").asText()).isEqualTo("al-1");
		assertThat(body.at("/alerts/0/transition").asText()).isEqualTo("firing");
	}

	private JsonNode one(Receiver.Type type, Notification notification) throws Exception {
		Receiver receiver = new Receiver("r", type, URI.create("http://x"), null, null);
		List<String> bodies = this.payloads.bodies(receiver, notification, notification.alerts());
		assertThat(bodies).hasSize(1);
		return this.mapper.readTree(bodies.get(0));
	}

	private static Notification notification(Alert.Transition transition, Alert... alerts) {
		List<Alert> sent = java.util.Arrays.stream(alerts).map((alert) -> alert.withTransition(transition)).toList();
		return new Notification("n-1", "metric=error_rate", transition, "errors summary", List.of("r"), sent, T0, T0);
	}

	private static Alert firing(String alertId) {
		return new Alert(alertId, "error_rate:title:t1", "error_rate", "title:t1", Alert.State.FIRING, Severity.HIGH,
				"error rate up", List.of("an-1"), 1, T0, T0, T0, T0, null, null, null, null, null,
				new Alert.Figures(0.4, 0.05, 5), null);
	}

	private static Alert resolved(String alertId) {
		return new Alert(alertId, "error_rate:title:t1", "error_rate", "title:t1", Alert.State.RESOLVED, Severity.HIGH,
				"error rate up", List.of("an-1"), 1, T0, T0, T0, T0.plusSeconds(300), null, null, T0.plusSeconds(300),
				Alert.Resolution.AUTO, null, new Alert.Figures(0.4, 0.05, 5), null);
	}

}
