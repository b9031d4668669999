package dev.keystone.gateway.keys;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The configured keys. Only SHA-256 hashes are configured, never keys themselves; with no
 * keys, everything but the actuator is closed.
 *
 * @param keys the keys, e.g. {@code KEYSTONE_GATEWAY_KEYS_0_SHA256}
 * @param defaultRequestsPerSecond request rate of a key that sets none
 * @param defaultEventsPerSecond event rate of a key that sets none
 */
@Validated
@ConfigurationProperties("keystone.gateway")
public record ApiKeySettings(@NotNull List<@Valid Key> keys, @Positive double defaultRequestsPerSecond,
		@Positive double defaultEventsPerSecond) {

	/**
	 * One key.
	 *
	 * @param name shown in logs, never the key
	 * @param sha256 lower-case hex SHA-256 of the key
	 * @param scopes what the key may do
	 * @param requestsPerSecond sustained requests per second, bursting to one second's
	 * worth
	 * @param eventsPerSecond sustained events per second sent to ingest
	 */
	public record Key(@NotBlank String name,
			@NotBlank @jakarta.validation.constraints.Pattern(regexp = "[0-9a-f]{64}",
					message = "must be the lower-case hex SHA-256 of the key") String sha256,
			@NotEmpty Set<Scope> scopes, Double requestsPerSecond, Double eventsPerSecond) {

	}

}
