package dev.keystone.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises presented keys by their SHA-256 hash. Every configured hash is compared,
 * each in constant time, so neither the position of a match nor a near miss shows in the
 * response time.
 */
class KeyRing {

	private final List<Caller> callers;

	KeyRing(ApiKeySettings settings, long nowNanos) {
		this.callers = settings.keys()
			.stream()
			.map((key) -> new Caller(key.name(), HexFormat.of().parseHex(key.sha256()), key.scopes(),
					new TokenBucket(orDefault(key.requestsPerSecond(), settings.defaultRequestsPerSecond()), nowNanos),
					new TokenBucket(orDefault(key.eventsPerSecond(), settings.defaultEventsPerSecond()), nowNanos)))
			.toList();
	}

	Optional<Caller> find(String presentedKey) {
		byte[] hash = sha256(presentedKey);
		Caller found = null;
		for (Caller caller : this.callers) {
			if (MessageDigest.isEqual(caller.hash(), hash)) {
				found = caller;
			}
		}
		return Optional.ofNullable(found);
	}

	boolean isEmpty() {
		return this.callers.isEmpty();
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JVM has SHA-256", ex);
		}
	}

	private static double orDefault(Double value, double fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * A recognised key with its scopes and rate limits.
	 */
	record Caller(String name, byte[] hash, Set<Scope> scopes, TokenBucket requests, TokenBucket events) {

	}

}
