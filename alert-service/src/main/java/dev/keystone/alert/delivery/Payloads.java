package dev.keystone.alert.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.alert.delivery.ReceiverSettings.Receiver;
import dev.keystone.alert.system.Digests;
import dev.keystone.events.Alert;
import dev.keystone.events.EventJson;
import dev.keystone.events.Severity;

/**
 * The bodies one notification becomes for one receiver, each in the format its tools
 * already read: Keystone's webhook, Alertmanager's webhook (version 4), a Slack incoming
 * webhook message, or PagerDuty Events API v2 (one event per alert, since PagerDuty
 * groups incidents itself). Each carries the notification id.
 */
final class Payloads {

	private static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

	private final ObjectMapper mapper;

	Payloads(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	List<String> bodies(Receiver receiver, Notification notification, List<Alert> alerts) {
		return switch (receiver.type()) {
			case WEBHOOK -> List.of(write(webhook(receiver, notification, alerts)));
			case ALERTMANAGER -> List.of(write(alertmanager(receiver, notification, alerts)));
			case SLACK -> List.of(write(slack(notification, alerts)));
			case PAGERDUTY -> pagerDuty(receiver, notification, alerts);
		};
	}

	private static Map<String, Object> webhook(Receiver receiver, Notification notification, List<Alert> alerts) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("notificationId", notification.notificationId());
		body.put("receiver", receiver.name());
		body.put("groupKey", notification.groupKey());
		body.put("status", notification.status());
		body.put("transition", notification.transition());
		body.put("summary", notification.summary());
		body.put("alerts", alerts);
		return body;
	}

	private static Map<String, Object> alertmanager(Receiver receiver, Notification notification, List<Alert> alerts) {
		List<Map<String, Object>> items = new ArrayList<>();
		for (Alert alert : alerts) {
			Map<String, Object> item = new LinkedHashMap<>();
			boolean resolved = alert.state() == Alert.State.RESOLVED;
			item.put("status", resolved ? "resolved" : "firing");
			item.put("labels", labels(alert));
			item.put("annotations", Map.of("summary", alert.summary(), "alertId", alert.alertId(), "transition",
					alert.transition().wireName()));
			item.put("startsAt", alert.openedAt());
			item.put("endsAt", resolved ? alert.resolvedAt() : NEVER);
			item.put("generatorURL", "/v1/alerts/" + alert.alertId());
			item.put("fingerprint", Digests.hex(alert.groupKey(), 8));
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", "4");
		body.put("groupKey", notification.groupKey());
		body.put("truncatedAlerts", 0);
		body.put("status", notification.status());
		body.put("receiver", receiver.name());
		body.put("groupLabels", groupLabels(notification.groupKey()));
		body.put("commonLabels", commonLabels(alerts));
		body.put("commonAnnotations", Map.of("summary", notification.summary()));
		body.put("externalURL", "");
		body.put("alerts", items);
		body.put("notificationId", notification.notificationId());
		return body;
	}

	private static Map<String, Object> slack(Notification notification, List<Alert> alerts) {
		StringBuilder text = new StringBuilder();
		text.append(icon(notification.transition()))
			.append(" *")
			.append(notification.transition().wireName().toUpperCase(java.util.Locale.ROOT))
			.append("* ")
			.append(notification.summary());
		int shown = 0;
		for (Alert alert : alerts) {
			if (shown++ == 10) {
				text.append("\n• … and ").append(alerts.size() - 10).append(" more");
				break;
			}
			text.append("\n• [").append(alert.severity().wireName()).append("] ").append(alert.summary());
		}
		Map<String, Object> section = Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", text));
		Map<String, Object> context = Map.of("type", "context", "elements",
				List.of(Map.of("type", "mrkdwn", "text", "keystone notification " + notification.notificationId())));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text.toString());
		body.put("blocks", List.of(section, context));
		return body;
	}

	private List<String> pagerDuty(Receiver receiver, Notification notification, List<Alert> alerts) {
		List<String> bodies = new ArrayList<>();
		for (Alert alert : alerts) {
			Map<String, Object> event = new LinkedHashMap<>();
			event.put("routing_key", receiver.routingKey());
			event.put("event_action", switch (alert.transition()) {
				case ACKNOWLEDGED -> "acknowledge";
				case RESOLVED -> "resolve";
				default -> "trigger";
			});
			event.put("dedup_key", alert.alertId());
			event.put("client", "Keystone");
			Map<String, Object> payload = new LinkedHashMap<>();
			payload.put("summary", alert.summary());
			payload.put("source", "keystone");
			payload.put("severity", pagerDutySeverity(alert.severity()));
			payload.put("timestamp", alert.updatedAt());
			payload.put("component", alert.scope());
			payload.put("group", alert.metric());
			payload.put("class", alert.metric());
			payload.put("custom_details", Map.of("notificationId", notification.notificationId(), "alert", alert));
			event.put("payload", payload);
			bodies.add(write(event));
		}
		return bodies;
	}

	private static Map<String, String> labels(Alert alert) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("alertname", alert.metric());
		labels.put("scope", alert.scope());
		labels.put("severity", alert.severity().wireName());
		return labels;
	}

	private static Map<String, String> groupLabels(String groupKey) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (String pair : groupKey.split(",")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				String name = pair.substring(0, equals);
				labels.put(name.equals("metric") ? "alertname" : name, pair.substring(equals + 1));
			}
		}
		return labels;
	}

	private static Map<String, String> commonLabels(List<Alert> alerts) {
		Map<String, String> common = null;
		for (Alert alert : alerts) {
			Map<String, String> labels = labels(alert);
			if (common == null) {
				common = new LinkedHashMap<>(labels);
			}
			else {
				common.entrySet().removeIf((entry) -> !entry.getValue().equals(labels.get(entry.getKey())));
			}
		}
		return (common != null) ? common : Map.of();
	}

	private static String pagerDutySeverity(Severity severity) {
		return switch (severity) {
			case CRITICAL -> "critical";
			case HIGH -> "error";
			case MEDIUM -> "warning";
			case LOW -> "info";
		};
	}

	private static String icon(Alert.Transition transition) {
		return switch (transition) {
			case RESOLVED -> ":white_check_mark:";
			case ACKNOWLEDGED -> ":eyes:";
			default -> ":rotating_light:";
		};
	}

	private String write(Object body) {
		return EventJson.write(this.mapper, body);
	}

}
