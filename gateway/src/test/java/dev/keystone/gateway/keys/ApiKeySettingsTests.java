package dev.keystone.gateway.keys;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeySettingsTests {

	private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheDefaultsFromApplicationYml() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ApiKeySettings.class)).isEqualTo(new ApiKeySettings(List.of(), 200, 20000));
		});
	}

	@Test
	void bindsAKeyFromTheEnvironmentStyleProperties() {
		this.runner
			.withPropertyValues("keystone.gateway.keys[0].name=demo", "keystone.gateway.keys[0].sha256=" + HASH,
					"keystone.gateway.keys[0].scopes=ingest,read", "keystone.gateway.keys[0].events-per-second=50")
			.run((context) -> assertThat(context.getBean(ApiKeySettings.class).keys())
				.containsExactly(new ApiKeySettings.Key("demo", HASH, Set.of(Scope.INGEST, Scope.READ), null, 50.0)));
	}

	@Test
	void refusesToStartWithAKeyConfiguredInsteadOfItsHash() {
		this.runner
			.withPropertyValues("keystone.gateway.keys[0].name=demo", "keystone.gateway.keys[0].sha256=demo-key",
					"keystone.gateway.keys[0].scopes=read")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("keys[0].sha256")
					.hasMessageContaining("must be the lower-case hex SHA-256 of the key");
			});
	}

	@Test
	void refusesToStartWithAKeyWithoutScopes() {
		this.runner.withPropertyValues("keystone.gateway.keys[0].name=demo", "keystone.gateway.keys[0].sha256=" + HASH)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("keys[0].scopes")
					.hasMessageContaining("must not be empty");
			});
	}

	@Test
	void refusesToStartWithARateOfZero() {
		this.runner.withPropertyValues("keystone.gateway.default-requests-per-second=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("defaultRequestsPerSecond")
				.hasMessageContaining("must be greater than 0");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ApiKeySettings.class)
	static class Settings {

	}

}
