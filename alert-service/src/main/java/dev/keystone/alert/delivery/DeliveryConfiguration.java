package dev.keystone.alert.delivery;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.alert.system.AlertSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires one delivery per configured receiver.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

	@Bean
	DeliveryMetrics deliveryMetrics(MeterRegistry registry) {
		return new DeliveryMetrics(registry);
	}

	@Bean
	Deliveries deliveries(ReceiverSettings receivers, AlertSettings settings, KafkaProperties kafka,
			DeliveryMetrics metrics, Clock clock) {
		ObjectMapper mapper = EventJson.newMapper();
		Payloads payloads = new Payloads(mapper);
		ReceiverClient client = new ReceiverClient(receivers.delivery().timeout());
		return new Deliveries(receivers, kafka.buildConsumerProperties(null), kafka.buildProducerProperties(null),
				settings.topics().notifications(), settings.topics().notificationLog(),
				settings.topics().prefix() + ".delivery.",
				(receiver) -> new Deliveries.DeliveryParts(payloads, client, metrics, mapper, clock));
	}

}
