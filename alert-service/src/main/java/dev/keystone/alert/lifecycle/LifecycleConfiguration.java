package dev.keystone.alert.lifecycle;

import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keystone.events.EventJson;
import dev.keystone.alert.delivery.ReceiverSettings;
import dev.keystone.alert.rules.StoredRules;
import dev.keystone.alert.system.AlertSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.Stores;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code alerts} function, bound in {@code application.yml}.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleConfiguration {

	@Bean
	AlertMetrics alertMetrics(MeterRegistry registry) {
		return new AlertMetrics(registry);
	}

	@Bean
	Function<KStream<String, String>, Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, Function<GlobalKTable<String, String>, KStream<String, String>[]>>>> alerts(
			AlertSettings settings, StoredRules rules, ReceiverSettings receivers, AlertMetrics metrics) {
		ObjectMapper mapper = EventJson.newMapper();
		Lifecycle lifecycle = new Lifecycle(settings, rules, receivers.names(),
				Stores.persistentKeyValueStore(Lifecycle.BOOK), metrics, mapper);
		return new AlertTopology(lifecycle, settings.topics().partitions(), mapper);
	}

}
