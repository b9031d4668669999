package dev.keystone.alert.delivery;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiverSettingsTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class)
		.withPropertyValues("keystone.alert.delivery.timeout=5s", "keystone.alert.delivery.initial-backoff=1s",
				"keystone.alert.delivery.max-backoff=1m", "keystone.alert.delivery.give-up-after=24h",
				"keystone.alert.delivery.start-back=1m");

	@Test
	void bindsAReceiverWithItsTypeAndMinimumSeverity() {
		this.context
			.withPropertyValues("keystone.alert.receivers[0].name=ops", "keystone.alert.receivers[0].type=slack",
					"keystone.alert.receivers[0].url=https://hooks.example/x",
					"keystone.alert.receivers[0].min-severity=high")
			.run((context) -> {
				ReceiverSettings.Receiver receiver = context.getBean(ReceiverSettings.class).receivers().get(0);
				assertThat(receiver.name()).isEqualTo("ops");
				assertThat(receiver.type()).isEqualTo(ReceiverSettings.Receiver.Type.SLACK);
				assertThat(receiver.minSeverity()).isEqualTo(dev.keystone.events.Severity.HIGH);
				assertThat(receiver.url()).hasToString("https://hooks.example/x");
			});
	}

	@Test
	void refusesAPagerDutyReceiverWithoutARoutingKey() {
		this.context
			.withPropertyValues("keystone.alert.receivers[0].name=oncall", "keystone.alert.receivers[0].type=pagerduty",
					"keystone.alert.receivers[0].url=https://events.example/v2/enqueue")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("receiver 'oncall' is of type pagerduty and needs a routing key"));
	}

	@Test
	void refusesAnUnknownReceiverType() {
		this.context
			.withPropertyValues("keystone.alert.receivers[0].name=x", "keystone.alert.receivers[0].type=email",
					"keystone.alert.receivers[0].url=https://x")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("email"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ReceiverSettings.class)
	static class Settings {

	}

}
