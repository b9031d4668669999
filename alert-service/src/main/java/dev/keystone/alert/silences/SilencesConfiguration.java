package dev.keystone.alert.silences;

import java.time.Clock;

import dev.keystone.alert.system.AlertSettings;
import dev.keystone.alert.system.Publisher;
import dev.keystone.alert.system.TopicMirror;
import dev.keystone.events.EventJson;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The silences as the API serves them, mirrored from their topic.
 */
@Configuration(proxyBeanMethods = false)
class SilencesConfiguration {

	@Bean
	SilenceBook silenceBook(Publisher publisher, AlertSettings settings, Clock clock) {
		return new SilenceBook(publisher, settings.topics().silences(), EventJson.newMapper(), clock,
				settings.retention());
	}

	@Bean
	TopicMirror silencesMirror(SilenceBook book, AlertSettings settings, KafkaProperties kafka) {
		return new TopicMirror(settings.topics().silences(), kafka.buildConsumerProperties(null), true, book::stored);
	}

}
