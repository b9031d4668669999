package dev.keystone.ingest.events;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class IngestLimitsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheContractsLimitsFromApplicationYml() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(IngestLimits.class)).isEqualTo(new IngestLimits(500, DataSize.ofMegabytes(1),
					DataSize.ofMegabytes(16), Duration.ofSeconds(6), Duration.ofSeconds(1)));
		});
	}

	@Test
	void refusesToStartWithoutRoomForASingleEvent() {
		this.runner.withPropertyValues("keystone.ingest.max-events=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keystone.ingest")
				.hasMessageContaining("maxEvents")
				.hasMessageContaining("must be greater than or equal to 1");
		});
	}

	@Test
	void refusesToStartWithMoreEventsPerRequestThanItCanHold() {
		this.runner.withPropertyValues("keystone.ingest.max-events=10001").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("maxEvents")
				.hasMessageContaining("must be less than or equal to 10000");
		});
	}

	@Test
	void refusesToStartWithoutASendTimeout() {
		this.runner.withPropertyValues("keystone.ingest.send-timeout=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("sendTimeout")
				.hasMessageContaining("must not be null");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IngestLimits.class)
	static class Settings {

	}

}
