package dev.keystone.recommendation.state;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import org.apache.kafka.streams.state.HostInfo;

import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Asks the instance holding a key, through its internal API (not routed by the gateway).
 */
public final class Peers {

	private final RestClient client;

	public Peers(RestClient client) {
		this.client = client;
	}

	/** The peer's answer, or empty if it has none (404). */
	public <T> Optional<T> get(HostInfo peer, Function<UriBuilder, URI> path, Class<T> type) {
		UriBuilder base = UriComponentsBuilder.newInstance().scheme("http").host(peer.host()).port(peer.port());
		try {
			return Optional.ofNullable(this.client.get().uri(path.apply(base)).retrieve().body(type));
		}
		catch (HttpClientErrorException ex) {
			if (ex.getStatusCode() == HttpStatus.NOT_FOUND) {
				return Optional.empty();
			}
			throw new StoreUnavailableException("instance " + peer + " answered " + ex.getStatusCode(), ex);
		}
		catch (RestClientException ex) {
			throw new StoreUnavailableException("instance " + peer + " did not answer", ex);
		}
	}

}
