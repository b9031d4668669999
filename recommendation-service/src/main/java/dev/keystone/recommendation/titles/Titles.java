package dev.keystone.recommendation.titles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keystone.recommendation.state.Peers;
import dev.keystone.recommendation.state.Placement;
import dev.keystone.recommendation.state.StoreNames;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The title rankings, read from the instance holding the title stores (one task holds
 * them all, see {@link TitleBoard}).
 */
public final class Titles {

	/** Any key finds the one partition of the title stores. */
	private static final String ANY_KEY = "titles";

	private final Placement placement;

	private final Peers peers;

	private final TitleQueries local;

	public Titles(Placement placement, Peers peers, TitleQueries local) {
		this.placement = placement;
		this.peers = peers;
		this.local = local;
	}

	public List<Ranked> trending(String scope, int limit) {
		return owner()
			.map((peer) -> List
				.of(this.peers.get(peer,
						(uri) -> uri.path("/internal/titles/trending")
							.queryParam("scope", "{scope}")
							.queryParam("limit", limit)
							.build(scope),
						Ranked[].class)
					.orElseThrow()))
			.orElseGet(() -> this.local.trending(scope, limit));
	}

	public List<Ranked> similar(String titleId, int limit) {
		return owner().map((peer) -> List.of(this.peers.get(peer,
				(uri) -> uri.path("/internal/titles/{titleId}/similar").queryParam("limit", limit).build(titleId),
				Ranked[].class)
			.orElseThrow())).orElseGet(() -> this.local.similar(titleId, limit));
	}

	public Candidates candidates(List<String> watched, List<String> genres, int limit) {
		return owner().map((peer) -> this.peers.get(peer, (uri) -> {
			// Template variables, so that the values are encoded whatever they hold.
			Map<String, Object> values = new LinkedHashMap<>();
			uri.path("/internal/titles/candidates")
				.queryParam("watched", variables("w", watched, values))
				.queryParam("genre", variables("g", genres, values))
				.queryParam("limit", limit);
			return uri.build(values);
		}, Candidates.class).orElseThrow()).orElseGet(() -> localCandidates(watched, genres, limit));
	}

	private static Object[] variables(String prefix, List<String> list, Map<String, Object> values) {
		Object[] names = new Object[list.size()];
		for (int i = 0; i < list.size(); i++) {
			values.put(prefix + i, list.get(i));
			names[i] = "{" + prefix + i + "}";
		}
		return names;
	}

	Candidates localCandidates(List<String> watched, List<String> genres, int limit) {
		Map<String, List<Ranked>> similar = new LinkedHashMap<>();
		watched.stream()
			.filter((titleId) -> !titleId.isBlank())
			.forEach((titleId) -> similar.put(titleId, this.local.similar(titleId, limit)));
		Map<String, List<Ranked>> popular = new LinkedHashMap<>();
		genres.stream()
			.filter((genre) -> !genre.isBlank())
			.forEach((genre) -> popular.put(genre, this.local.popular(Scopes.genre(genre), limit)));
		return new Candidates(similar, this.local.trending(Scopes.ALL, limit), popular);
	}

	TitleQueries local() {
		return this.local;
	}

	private Optional<HostInfo> owner() {
		return this.placement.elsewhere(StoreNames.CO_WATCH, ANY_KEY);
	}

}
