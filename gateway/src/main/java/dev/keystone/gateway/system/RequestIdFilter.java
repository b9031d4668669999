package dev.keystone.gateway.system;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Accepts a client's {@code X-Request-Id} (or makes one), passes it to the service,
 * returns it, and logs each request with it, so one id follows a request through every
 * log.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String presented = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (presented != null && ACCEPTABLE.matcher(presented).matches()) ? presented
				: UUID.randomUUID().toString();
		ServerHttpRequest request = exchange.getRequest().mutate().headers((h) -> h.set(HEADER, id)).build();
		exchange.getResponse().getHeaders().set(HEADER, id);
		long started = System.nanoTime();
		return chain.filter(exchange.mutate().request(request).build()).doFinally((signal) -> {
			if (!request.getPath().value().startsWith("/actuator")) {
				log.info("request id={} method={} path={} status={} millis={}", id, request.getMethod(),
						request.getPath().value(), exchange.getResponse().getStatusCode(),
						(System.nanoTime() - started) / 1_000_000);
			}
		});
	}

}
