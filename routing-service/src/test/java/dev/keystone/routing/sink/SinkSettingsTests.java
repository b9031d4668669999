package dev.keystone.routing.sink;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class SinkSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheDefaultsFromApplicationYml() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(SinkSettings.class))
				.isEqualTo(new SinkSettings(2, 3, Duration.ofMillis(500), Duration.ofSeconds(15)));
		});
	}

	@Test
	void refusesToStartWithoutASingleTryOfARecord() {
		this.runner.withPropertyValues("keystone.routing.sink.item-attempts=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keystone.routing.sink")
				.hasMessageContaining("itemAttempts")
				.hasMessageContaining("must be greater than or equal to 1");
		});
	}

	@Test
	void refusesToStartWithoutALongestPause() {
		this.runner.withPropertyValues("keystone.routing.sink.max-backoff=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("maxBackoff")
				.hasMessageContaining("must not be null");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SinkSettings.class)
	static class Settings {

	}

}
