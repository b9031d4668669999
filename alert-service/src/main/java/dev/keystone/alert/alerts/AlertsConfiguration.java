package dev.keystone.alert.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.keystone.alert.system.AlertSettings;
import dev.keystone.alert.system.Publisher;
import dev.keystone.alert.system.TopicMirror;
import dev.keystone.events.EventJson;
import dev.keystone.events.Topics;

import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert board (state and notification log mirrored from their topics), the feed of
 * changes, and the actions.
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

	@Bean
	AlertBoard alertBoardState(AlertSettings settings, Clock clock) {
		return new AlertBoard(EventJson.newMapper(), clock, settings.retention());
	}

	@Bean
	TopicMirror alertStateMirror(AlertBoard board, AlertSettings settings, KafkaProperties kafka) {
		return new TopicMirror(settings.topics().state(), kafka.buildConsumerProperties(null), true, board::state);
	}

	@Bean
	TopicMirror notificationLogMirror(AlertBoard board, AlertSettings settings, KafkaProperties kafka) {
		return new TopicMirror(settings.topics().notificationLog(), kafka.buildConsumerProperties(null), true,
				board::logEntry);
	}

	@Bean
	AlertBoardHealth alertBoard(List<TopicMirror> mirrors) {
		return new AlertBoardHealth(mirrors.stream().filter(TopicMirror::fromBeginning).toList());
	}

	@Bean
	AlertFeed alertFeed() {
		return new AlertFeed(Duration.ofHours(1));
	}

	@Bean
	TopicMirror alertFeedMirror(AlertFeed feed, KafkaProperties kafka) {
		return new TopicMirror(Topics.ALERTS, kafka.buildConsumerProperties(null), false, feed::changed);
	}

	@Bean
	AlertActions alertActions(AlertBoard board, Publisher publisher, AlertSettings settings, Clock clock) {
		return new AlertActions(board, publisher, settings.topics().inbox(), Duration.ofSeconds(10),
				EventJson.newMapper(), clock);
	}

}
