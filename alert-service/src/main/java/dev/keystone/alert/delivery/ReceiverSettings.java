package dev.keystone.alert.delivery;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import dev.keystone.events.Severity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The receivers, from {@code KEYSTONE_ALERT_RECEIVERS_<n>_NAME}, {@code _TYPE},
 * {@code _URL}, {@code _MIN_SEVERITY} and {@code _ROUTING_KEY}, since they hold secrets;
 * and how hard delivery tries.
 *
 * @param receivers where notifications go
 * @param delivery timeouts and retries
 */
@Validated
@ConfigurationProperties("keystone.alert")
public record ReceiverSettings(@Valid List<Receiver> receivers, @Valid @NotNull Delivery delivery) {

	public ReceiverSettings {
		receivers = (receivers != null) ? List.copyOf(receivers) : List.of();
		Set<String> names = new HashSet<>();
		for (Receiver receiver : receivers) {
			if (!names.add(receiver.name())) {
				throw new IllegalArgumentException("two receivers are named '" + receiver.name() + "'");
			}
			if (receiver.type() == Receiver.Type.PAGERDUTY
					&& (receiver.routingKey() == null || receiver.routingKey().isBlank())) {
				throw new IllegalArgumentException(
						"receiver '" + receiver.name() + "' is of type pagerduty and needs a routing key");
			}
		}
	}

	public Set<String> names() {
		Set<String> names = new java.util.LinkedHashSet<>();
		this.receivers.forEach((receiver) -> names.add(receiver.name()));
		return names;
	}

	/**
	 * One receiver.
	 *
	 * @param name how rules and the notification log name it
	 * @param type the payload format it takes
	 * @param url where to post
	 * @param minSeverity the lowest alert severity it is sent
	 * @param routingKey PagerDuty's integration key
	 */
	public record Receiver(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String name, @NotNull Type type,
			@NotNull URI url, Severity minSeverity, String routingKey) {

		public Receiver {
			minSeverity = (minSeverity != null) ? minSeverity : Severity.LOW;
		}

		/**
		 * The payload formats: Keystone's own, Alertmanager's webhook (version 4), a
		 * Slack incoming webhook, PagerDuty Events API v2.
		 */
		public enum Type {

			WEBHOOK, ALERTMANAGER, SLACK, PAGERDUTY;

			public String channel() {
				return name().toLowerCase(java.util.Locale.ROOT);
			}

		}

	}

	/**
	 * How hard delivery tries.
	 *
	 * @param timeout how long one call to a receiver may take
	 * @param initialBackoff the wait after a first failure, doubled after each
	 * @param maxBackoff the longest wait between tries
	 * @param giveUpAfter how long a notification is retried before it is logged as failed
	 * @param startBack where a receiver seen for the first time starts reading, before
	 * the service's start
	 */
	public record Delivery(@NotNull Duration timeout, @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
			@NotNull Duration giveUpAfter, @NotNull Duration startBack) {

	}

}
