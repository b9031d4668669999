package dev.keystone.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import dev.keystone.events.http.KeystoneHeaders;
import dev.keystone.gateway.routes.ServiceRoutes;
import dev.keystone.gateway.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Lets a request through only with a known key holding the needed scope and within its
 * rate limits. Runs before routing, so an unknown path is 401 to a stranger rather than a
 * map of what exists.
 */
class ApiKeyFilter implements WebFilter, Ordered {

	static final String CALLER_HEADER = "Keystone-Caller";

	private static final Set<String> SEGMENT_PATHS = Set.of("/v1/batch", "/v1/track", "/v1/page", "/v1/screen",
			"/v1/identify", "/v1/group", "/v1/alias");

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final KeyRing keys;

	private final ServiceRoutes routes;

	ApiKeyFilter(KeyRing keys, ServiceRoutes routes) {
		this.keys = keys;
		this.routes = routes;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (isOpen(path)) {
			return chain.filter(exchange);
		}
		ServerHttpResponse response = exchange.getResponse();
		Optional<String> presented = presentedKey(request.getHeaders());
		if (presented.isEmpty()) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(path));
			return Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "API key required",
					isSegment(path) ? "send your key as the write key (HTTP Basic user name)"
							: "send your key as X-API-Key or Authorization: Bearer");
		}
		Optional<KeyRing.Caller> found = this.keys.find(presented.get());
		if (found.isEmpty()) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(path));
			return Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unknown API key",
					"the API key is not known");
		}
		KeyRing.Caller caller = found.get();
		Scope needed = scopeFor(request.getMethod(), path);
		if (!caller.scopes().contains(needed)) {
			return Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Missing scope",
					"this key lacks the " + needed.name().toLowerCase() + " scope");
		}
		long now = System.nanoTime();
		boolean allowed = caller.requests().tryTake(1, now);
		rateLimitHeaders(response, caller.requests(), now);
		if (!allowed) {
			return tooMany(response, caller.requests().secondsUntil(1, now), "requests");
		}
		boolean ingest = needed == Scope.INGEST;
		if (ingest) {
			if (request.getHeaders().getContentLength() > this.routes.maxIngestSize().toBytes()) {
				return Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
						"the body exceeds " + this.routes.maxIngestSize().toBytes() + " bytes");
			}
			if (caller.events().available(now) < 1) {
				return tooMany(response, caller.events().secondsUntil(1, now), "events");
			}
			response.beforeCommit(() -> {
				chargeEvents(caller, response);
				return Mono.empty();
			});
		}
		ServerHttpRequest forwarded = request.mutate().headers((headers) -> {
			headers.remove("X-API-Key");
			headers.remove(HttpHeaders.AUTHORIZATION);
			headers.set(CALLER_HEADER, caller.name());
		}).build();
		return chain.filter(exchange.mutate().request(forwarded).build());
	}

	/**
	 * Probes, scrapes and the API documentation need no key; they reveal nothing a key
	 * protects.
	 */
	private static boolean isOpen(String path) {
		return path.equals("/actuator") || path.startsWith("/actuator/") || path.equals("/docs")
				|| path.startsWith("/docs/") || path.startsWith("/v3/api-docs") || path.startsWith("/webjars/");
	}

	private static Scope scopeFor(HttpMethod method, String path) {
		if (HttpMethod.POST.equals(method) && (path.equals("/v1/events") || isSegment(path))) {
			return Scope.INGEST;
		}
		boolean read = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
		return read ? Scope.READ : Scope.ADMIN;
	}

	/** The paths of Segment's tracking API (the README's "Send from an existing SDK"). */
	private static boolean isSegment(String path) {
		return SEGMENT_PATHS.contains(path);
	}

	private static String challenge(String path) {
		return isSegment(path) ? "Basic realm=\"keystone\"" : "Bearer";
	}

	private static Optional<String> presentedKey(HttpHeaders headers) {
		String key = headers.getFirst("X-API-Key");
		if (key != null && !key.isBlank()) {
			return Optional.of(key.trim());
		}
		String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(authorization.substring(7).trim()).filter((k) -> !k.isEmpty());
		}
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return writeKey(authorization.substring(6).trim());
		}
		return Optional.empty();
	}

	/**
	 * Analytics SDKs send their write key as the Basic user name with an empty password;
	 * the password is not looked at, as some SDKs fill it with a placeholder.
	 */
	private static Optional<String> writeKey(String credentials) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		int colon = decoded.indexOf(':');
		String user = (colon >= 0) ? decoded.substring(0, colon) : decoded;
		return Optional.of(user.trim()).filter((k) -> !k.isEmpty());
	}

	private static void rateLimitHeaders(ServerHttpResponse response, TokenBucket bucket, long now) {
		HttpHeaders headers = response.getHeaders();
		headers.set("RateLimit-Limit", String.valueOf((long) bucket.rate()));
		headers.set("RateLimit-Remaining", String.valueOf(Math.max(0, (long) Math.floor(bucket.available(now)))));
		headers.set("RateLimit-Reset", String.valueOf(bucket.secondsUntil(bucket.rate(), now)));
	}

	private static Mono<Void> tooMany(ServerHttpResponse response, long retryAfter, String what) {
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		return Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Rate limit exceeded",
				"this key sent more " + what + " than its limit allows; retry after " + retryAfter + " s");
	}

	private static void chargeEvents(KeyRing.Caller caller, ServerHttpResponse response) {
		String count = response.getHeaders().getFirst(KeystoneHeaders.EVENT_COUNT);
		if (count == null) {
			return;
		}
		try {
			caller.events().charge(Long.parseLong(count), System.nanoTime());
		}
		catch (NumberFormatException ex) {
			log.warn("ignoring malformed {} header from ingest", KeystoneHeaders.EVENT_COUNT);
		}
	}

}
