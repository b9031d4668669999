package dev.keystone.events;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far an anomaly or alert is from normal.
 */
public enum Severity {

	LOW, MEDIUM, HIGH, CRITICAL;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
