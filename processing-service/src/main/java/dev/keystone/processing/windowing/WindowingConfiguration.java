package dev.keystone.processing.windowing;

import java.time.Duration;
import java.util.List;

import dev.keystone.events.Topics;
import dev.keystone.processing.system.StageCounters;
import dev.keystone.processing.system.StateStores;
import dev.keystone.processing.system.WindowSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The partition clocks and window sums, kept in RocksDB.
 */
@Configuration(proxyBeanMethods = false)
class WindowingConfiguration {

	@Bean
	ConsumerLag consumerLag(KafkaAdmin admin, KafkaStreamsRegistry registry) {
		return new ConsumerLag(admin.getConfigurationProperties(), Topics.EVENTS_RAW, registry, Duration.ofSeconds(1));
	}

	@Bean
	Windowing windowing(List<Contributor> contributors, WindowSettings settings, SessionSketch sketch,
			ConsumerLag progress, StageCounters counters, StateStores stores, MeterRegistry registry) {
		return new Windowing(contributors, settings, sketch, progress, counters, stores, registry);
	}

}
