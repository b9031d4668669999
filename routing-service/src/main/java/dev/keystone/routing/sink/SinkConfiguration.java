package dev.keystone.routing.sink;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A failed batch is retried in place with exponential pauses, for as long as its store
 * stays down: the consumer pauses its partitions between tries (no rebalance, no busy
 * spin), commits nothing, and carries on where it stopped once the store is back.
 */
@Configuration(proxyBeanMethods = false)
class SinkConfiguration {

	/** The stores the sinks write to, as the {@code sink} tag names them. */
	private static final List<String> SINKS = List.of("elasticsearch", "cassandra", "archive");

	private static final Logger log = LoggerFactory.getLogger(SinkConfiguration.class);

	@Bean
	SinkStatus sinks(Clock clock, MeterRegistry registry) {
		SinkStatus status = new SinkStatus(clock);
		for (String sink : SINKS) {
			Gauge.builder("keystone.sink.paused", status, (sinks) -> sinks.isPaused(sink) ? 1 : 0)
				.tag("sink", sink)
				.description("1 while the sink waits for its store, its consumer paused")
				.register(registry);
		}
		return status;
	}

	@Bean
	ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> sinkRetries(SinkSettings settings) {
		return (container, destination, group) -> {
			ExponentialBackOff backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
			backOff.setMaxInterval(settings.maxBackoff().toMillis());
			DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
				throw new IllegalStateException("a sink batch is never given up", error);
			}, backOff);
			handler.setRetryListeners((records, error, attempt) -> log.warn(
					"store unavailable, batch kept for retry destination={} attempt={} reason={}", destination, attempt,
					rootMessage(error)));
			container.setCommonErrorHandler(handler);
		};
	}

	private static String rootMessage(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
