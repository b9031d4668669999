package dev.keystone.events;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The coarse device grouping used for enrichment and anomaly scopes.
 */
public enum DeviceClass {

	TV, MOBILE, WEB, CONSOLE, OTHER;

	@JsonValue
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
