package dev.keystone.routing.search;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the daily event indices are kept.
 *
 * @param refreshInterval how often Elasticsearch makes newly indexed events searchable:
 * the largest part of the time from an event's arrival until a search finds it, and a
 * segment written per refresh on the node (a shorter interval costs CPU and merges)
 */
@Validated
@ConfigurationProperties("keystone.routing.search")
record SearchIndexSettings(@NotNull Duration refreshInterval) {

	/** The interval as Elasticsearch reads it. */
	String refreshIntervalSetting() {
		return this.refreshInterval.toMillis() + "ms";
	}

}
