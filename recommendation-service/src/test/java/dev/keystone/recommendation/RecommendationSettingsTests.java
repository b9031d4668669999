package dev.keystone.recommendation;

import dev.keystone.recommendation.titles.TitleSettings;
import dev.keystone.recommendation.watching.WatchSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class)
		.withPropertyValues("keystone.recommendation.watching.watched-after=2m",
				"keystone.recommendation.watching.watched-fraction=0.2",
				"keystone.recommendation.watching.finished-fraction=0.9", "keystone.recommendation.watching.history=50",
				"keystone.recommendation.watching.restart-after=30m",
				"keystone.recommendation.watching.pairs-per-watch=20", "keystone.recommendation.titles.half-life=30m",
				"keystone.recommendation.titles.neighbours=100", "keystone.recommendation.titles.shrinkage=5");

	@Test
	void startsWithTheShippedValues() {
		this.runner.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesToStartWithAWatchedFractionAboveOne() {
		this.runner.withPropertyValues("keystone.recommendation.watching.watched-fraction=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("keystone.recommendation.watching")
				.hasMessageContaining("watchedFraction"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ WatchSettings.class, TitleSettings.class })
	static class Settings {

	}

}
