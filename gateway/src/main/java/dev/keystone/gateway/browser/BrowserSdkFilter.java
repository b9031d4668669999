package dev.keystone.gateway.browser;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import dev.keystone.gateway.system.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns a request of Segment's browser SDK into the tracking API call it stands for:
 * {@code POST /v1/t} becomes {@code /v1/track} (and {@code p}, {@code s}, {@code i},
 * {@code g}, {@code a}, {@code b} likewise), and the body's {@code writeKey} becomes the
 * HTTP Basic credentials that the key check reads. Only these short paths pay for reading
 * the body here.
 */
class BrowserSdkFilter implements WebFilter, Ordered {

	/** Before the key check, which must see the key this filter finds. */
	static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

	private static final Map<String, String> CALLS = Map.of("/v1/t", "/v1/track", "/v1/p", "/v1/page", "/v1/s",
			"/v1/screen", "/v1/i", "/v1/identify", "/v1/g", "/v1/group", "/v1/a", "/v1/alias", "/v1/b", "/v1/batch");

	private final DataSize maxBody;

	BrowserSdkFilter(DataSize maxBody) {
		this.maxBody = maxBody;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String call = HttpMethod.POST.equals(request.getMethod())
				? CALLS.get(request.getPath().pathWithinApplication().value()) : null;
		if (call == null) {
			return chain.filter(exchange);
		}
		return DataBufferUtils.join(request.getBody(), (int) this.maxBody.toBytes())
			.map(BrowserSdkFilter::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> chain.filter(exchange.mutate().request(forwarded(exchange, call, body)).build()))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Problems.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE, "too-large",
							"Request too large", "the body exceeds " + this.maxBody.toBytes() + " bytes"));
	}

	private static ServerHttpRequest forwarded(ServerWebExchange exchange, String call, byte[] body) {
		Optional<String> writeKey = WriteKeys.read(body);
		ServerHttpRequest rewritten = exchange.getRequest().mutate().path(call).headers((headers) -> {
			headers.remove(HttpHeaders.TRANSFER_ENCODING);
			headers.setContentLength(body.length);
			writeKey.ifPresent((key) -> headers.set(HttpHeaders.AUTHORIZATION,
					"Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8))));
		}).build();
		return new ServerHttpRequestDecorator(rewritten) {

			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}

		};
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
