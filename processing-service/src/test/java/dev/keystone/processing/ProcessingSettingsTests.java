package dev.keystone.processing;

import java.time.Duration;

import dev.keystone.processing.anomaly.AnomalyThresholds;
import dev.keystone.processing.cleansing.CleansingSettings;
import dev.keystone.processing.system.StreamsSettings;
import dev.keystone.processing.system.WindowSettings;
import dev.keystone.processing.windowing.SessionSketch;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessingSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void bindsTheDefaultsFromApplicationYml() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(CleansingSettings.class))
				.isEqualTo(new CleansingSettings(Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofHours(1)));
			assertThat(context.getBean(WindowSettings.class))
				.isEqualTo(new WindowSettings(Duration.ofSeconds(10), Duration.ofSeconds(5)));
			assertThat(context.getBean(SessionSketch.class)).isEqualTo(new SessionSketch(10_000, 12));
			AnomalyThresholds thresholds = context.getBean(AnomalyThresholds.class);
			assertThat(thresholds.zScore()).isEqualTo(3);
			assertThat(thresholds.warmupWindows()).isEqualTo(10);
			assertThat(thresholds.minSessions()).isEqualTo(20);
			assertThat(context.getBean(StreamsSettings.class))
				.isEqualTo(new StreamsSettings("keystone-processing", (short) 1, 0, 2, 134_217_728, 33_554_432));
		});
	}

	@Test
	void refusesToStartWithAZScoreBelowHalf() {
		this.runner.withPropertyValues("keystone.processing.anomaly.z-score=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keystone.processing.anomaly")
				.hasMessageContaining("zScore")
				.hasMessageContaining("must be greater than or equal to 0.5");
		});
	}

	@Test
	void refusesToStartWithANegativeGrace() {
		this.runner.withPropertyValues("keystone.processing.windows.grace=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keystone.processing.windows")
				.hasMessageContaining("grace");
		});
	}

	@Test
	void refusesToStartWithRocksDbMemoryBelowSixteenMebibytes() {
		this.runner.withPropertyValues("keystone.processing.streams.rocksdb-memory-bytes=1000000").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("rocksdbMemoryBytes")
				.hasMessageContaining("must be greater than or equal to 16777216");
		});
	}

	@Test
	void refusesToStartWithASketchTooSmallToBeUseful() {
		this.runner.withPropertyValues("keystone.processing.windows.sessions.lg-k=2").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("keystone.processing.windows.sessions")
				.hasMessageContaining("lgK")
				.hasMessageContaining("must be greater than or equal to 4");
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ CleansingSettings.class, WindowSettings.class, SessionSketch.class,
			AnomalyThresholds.class, StreamsSettings.class })
	static class Settings {

	}

}
