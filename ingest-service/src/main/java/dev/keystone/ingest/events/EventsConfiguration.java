package dev.keystone.ingest.events;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.events.EventValidator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	/**
	 * The contract's JSON form, strict about duplicates and nesting; not Spring MVC's
	 * lenient mapper.
	 */
	private final ObjectMapper eventMapper = EventJson.newMapper();

	@Bean
	EventBatchReader eventBatchReader(IngestLimits limits) {
		return new EventBatchReader(this.eventMapper, limits);
	}

	@Bean
	InFlightBytes inFlightBytes(IngestLimits limits, MeterRegistry registry) {
		InFlightBytes inFlight = new InFlightBytes(limits.maxInFlight().toBytes());
		Gauge.builder("keystone.ingest.inflight", inFlight, InFlightBytes::inFlight)
			.baseUnit("bytes")
			.description("Bytes sent to Kafka and not yet acknowledged")
			.register(registry);
		return inFlight;
	}

	@Bean
	EventPublisher eventPublisher(KafkaTemplate<String, byte[]> kafka, InFlightBytes inFlight, IngestLimits limits,
			MeterRegistry registry) {
		return new EventPublisher(kafka, this.eventMapper, inFlight, limits, registry);
	}

	@Bean
	EventIntake eventIntake(EventPublisher publisher, IngestLimits limits, Clock clock, MeterRegistry registry) {
		return new EventIntake(EventValidator.forDevices(this.eventMapper), publisher, limits, clock, registry);
	}

}
