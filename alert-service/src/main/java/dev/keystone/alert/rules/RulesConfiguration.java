package dev.keystone.alert.rules;

import dev.keystone.events.EventJson;
import dev.keystone.alert.delivery.ReceiverSettings;
import dev.keystone.alert.system.AlertSettings;
import dev.keystone.alert.system.Publisher;
import dev.keystone.alert.system.TopicMirror;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule checker, which knows the configured receivers, and the stored form of the
 * rules.
 */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

	@Bean
	RuleChecker ruleChecker(RuleDefaults defaults, ReceiverSettings receivers) {
		return new RuleChecker(defaults, receivers.names());
	}

	@Bean
	RuleBook ruleBook(StoredRules stored, RuleChecker checker, Publisher publisher, AlertSettings settings) {
		return new RuleBook(stored, checker, publisher, settings.topics().rules());
	}

	@Bean
	TopicMirror rulesMirror(RuleBook book, AlertSettings settings, KafkaProperties kafka) {
		return new TopicMirror(settings.topics().rules(), kafka.buildConsumerProperties(null), true, book::stored);
	}

	@Bean
	StoredRules storedRules(RuleChecker checker) {
		return new StoredRules(EventJson.newMapper(), checker);
	}

}
